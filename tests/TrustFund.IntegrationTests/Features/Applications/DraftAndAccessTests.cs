using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Common;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Features.Applications;

public sealed class DraftAndAccessTests(TrustFundAppFactory app) : ApplicationTest(app)
{
    [Fact]
    public async Task SaveDraft_WithAStaleVersion_GetsAConflictMessage_AndTheFirstSaveIsKept()
    {
        var call = await OpenCall();
        var (organisation, maria) = await Ngo();
        var pedro = await CreateUser("pedro@esperanza.org", [Roles.Applicant], twoFactor: false, organisationId: organisation.Id);
        var id = await SendAs(maria, new StartApplication.Command(call.Id));
        var mariaClient = await SignedIn(maria);
        var pedroClient = await SignedIn(pedro);
        var pedroPage = await pedroClient.GetStringAsync($"/apply/{id}/project"); // Pedro opens the form...

        var saved = await PostForm(mariaClient, $"/apply/{id}/project", new() { ["Project.Title"] = "María's title", ["go"] = "next" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        var version = System.Text.RegularExpressions.Regex.Match(pedroPage, "name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        var conflict = await PostForm(pedroClient, $"/apply/{id}/project", new() { ["Project.Title"] = "Pedro's title", ["Version"] = version, ["go"] = "next" });
        var html = await conflict.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        Assert.Contains("Someone else saved this record while you were editing it.", html);
        Assert.Contains("Pedro&#x27;s title", html.Replace("Pedro's title", "Pedro&#x27;s title")); // his text is still in the form
        await using var db = App.NewDbContext();
        Assert.Equal("María's title", (await db.Applications.SingleAsync()).Project.Title);
    }

    [Fact]
    public async Task StartApplication_Twice_OpensTheSameDraft()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();

        var first = await SendAs(user, new StartApplication.Command(call.Id));
        var second = await SendAs(user, new StartApplication.Command(call.Id));

        Assert.Equal(first, second);
        await using var db = App.NewDbContext();
        var draft = await db.Applications.SingleAsync();
        Assert.Equal("Casa Esperanza", draft.Organisation.LegalName); // prefilled from the profile
        Assert.Equal("CO-12345", draft.Organisation.UnppPartnerId);
    }

    [Fact]
    public async Task AnotherNgo_AsksForTheApplicationOrItsFile_AndGets403()
    {
        var call = await OpenCall();
        var (_, maria) = await Ngo();
        var id = await CompleteDraft(maria, call.Id);
        await using var db = App.NewDbContext();
        var fileId = (await db.Attachments.FirstAsync()).Id;
        var (_, other) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        var client = await SignedIn(other);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/apply/{id}/project")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/apply/{id}/view")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/files/{fileId}")).StatusCode);
        await Assert.ThrowsAsync<TrustFund.Application.Authorization.ForbiddenException>(() => QueryAs(other, new GetApplication.Query(id)));

        var own = await SignedIn(maria);
        var file = await own.GetAsync($"/files/{fileId}");
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal(Pdf, await file.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task UploadAttachment_ARenamedExecutable_IsRefused()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var executable = new byte[] { 0x4D, 0x5A, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00 }.Concat(new byte[200]).ToArray();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            SendAs(user, new UploadAttachment.Command(id, DocumentType.RegistrationCertificate, "certificate.pdf", executable)));

        Assert.Equal("Only PDF, Word (DOCX), Excel (XLSX), JPEG and PNG files can be attached.", error.Message);
    }

    [Fact]
    public async Task UploadAttachment_TooLarge_IsRefused_AndTheHashIsKept()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var big = Pdf.Concat(new byte[Attachment.MaxFileBytes]).ToArray();

        var error = await Assert.ThrowsAsync<DomainException>(() =>
            SendAs(user, new UploadAttachment.Command(id, DocumentType.Other, "big.pdf", big)));
        Assert.Equal("A file may be at most 10 MB.", error.Message);

        await SendAs(user, new UploadAttachment.Command(id, DocumentType.Other, "ok.pdf", Pdf));
        await using var db = App.NewDbContext();
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Pdf)), (await db.Attachments.SingleAsync()).Sha256);
    }

    [Fact]
    public async Task UploadPage_AcceptsAFileWithoutJavaScript()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var client = await SignedIn(user);
        var page = await client.GetStringAsync($"/apply/{id}/attachments");
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token)), "__RequestVerificationToken" },
            { new StringContent("RegistrationCertificate"), "UploadType" },
            { new ByteArrayContent(Pdf), "Upload", "certificado.pdf" },
        };
        var response = await client.PostAsync($"/apply/{id}/attachments?handler=Upload", form);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("certificado.pdf", await client.GetStringAsync($"/apply/{id}/attachments"));
    }

    [Fact]
    public async Task ProjectStep_SavedWithoutJavaScript_MovesOnAndKeepsWhatWasTyped()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var client = await SignedIn(user);

        var response = await PostForm(client, $"/apply/{id}/project", new()
        {
            ["Project.Title"] = "Refugio seguro", ["Project.Objectives"] = "Objetivos", ["Project.StartDate"] = "2027-03-01",
            ["Project.EndDate"] = "2028-02-29", ["go"] = "next",
        });

        Assert.Equal($"/apply/{id}/beneficiaries", LocationOf(response));
        await using var db = App.NewDbContext();
        var project = (await db.Applications.SingleAsync()).Project;
        Assert.Equal("Refugio seguro", project.Title);
        Assert.Equal(12, project.DurationMonths);
    }
    /// <summary>The owner's own requests leave the application's owner in memory: another organisation is still refused.</summary>
    [Fact]
    public async Task AnotherNgo_AfterTheOwnerSavedTheDraft_IsStillRefused_AndChangesNothing()
    {
        var call = await OpenCall();
        var (_, maria) = await Ngo();
        var id = await SendAs(maria, new StartApplication.Command(call.Id));
        var own = await SignedIn(maria);
        var saved = await PostForm(own, $"/apply/{id}/budget?handler=Autosave",
            new() { ["Budget[0].Category"] = "Travel", ["Budget[0].Description"] = "Bus fares", ["Budget[0].Amount"] = "350.50" },
            pageUrl: $"/apply/{id}/budget");
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var (_, other) = await Ngo("Sahel Solidarité", "SN", "fatou@sahel.org");
        var client = await SignedIn(other);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/apply/{id}/budget")).StatusCode);
        // The other organisation takes the form of its own draft and sends it to the first one's address.
        var theirs = await SendAs(other, new StartApplication.Command(call.Id));
        var response = await PostForm(client, $"/apply/{id}/budget?handler=Autosave",
            new() { ["Budget[0].Category"] = "Travel", ["Budget[0].Description"] = "Taken", ["Budget[0].Amount"] = "9999" },
            pageUrl: $"/apply/{theirs}/budget");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        await using var db = App.NewDbContext();
        Assert.Equal(350.50m, (await db.Applications.SingleAsync(a => a.Id == id)).RequestedAmount);
    }

    [Fact]
    public async Task Autosave_ReturnsTheNewVersion()
    {
        var call = await OpenCall();
        var (_, user) = await Ngo();
        var id = await SendAs(user, new StartApplication.Command(call.Id));
        var client = await SignedIn(user);

        var response = await PostForm(client, $"/apply/{id}/budget?handler=Autosave",
            new() { ["Budget[0].Category"] = "Travel", ["Budget[0].Description"] = "Bus fares", ["Budget[0].Amount"] = "350.50" },
            pageUrl: $"/apply/{id}/budget");
        var json = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"version\":", json);
        await using var db = App.NewDbContext();
        Assert.Equal(350.50m, (await db.Applications.SingleAsync()).RequestedAmount);
    }

    [Fact]
    public async Task Registration_SendsAConfirmationLink_AndTheAccountSignsInOnlyAfterConfirming()
    {
        var client = NewClient();
        var registered = await PostForm(client, "/register", new()
        {
            ["LegalName"] = "Mekong Freedom Centre", ["CountryIso2"] = "TH", ["DisplayName"] = "Somchai", ["Email"] = "somchai@mekong.org",
            ["Password"] = "Mekong-Freedom-2027",
        });
        Assert.Contains("We have sent a link to somchai@mekong.org", await registered.Content.ReadAsStringAsync());

        var tooSoon = await PostForm(NewClient(), "/account/login", new() { ["Email"] = "somchai@mekong.org", ["Password"] = "Mekong-Freedom-2027" });
        Assert.Contains("confirm your e-mail address first", await tooSoon.Content.ReadAsStringAsync());

        await using var db = App.NewDbContext();
        var mail = await db.OutboxEmails.SingleAsync();
        var link = System.Text.RegularExpressions.Regex.Match(mail.TextBody, @"https://trustfund\.test(/account/confirm-email\?\S+)").Groups[1].Value;
        Assert.Contains("is confirmed", await NewClient().GetStringAsync(link));
        var user = await db.Users.SingleAsync(u => u.Email == "somchai@mekong.org");
        Assert.True(user.IsOrganisationAdmin);
        var signedIn = await SignedIn(user, "Mekong-Freedom-2027");
        Assert.Contains("Your organisation has no applications yet", await signedIn.GetStringAsync("/apply"));
        _ = Encoding.UTF8;
    }
}
