using System.Text.RegularExpressions;
using Microsoft.Playwright;
using TrustFund.BrowserTests.Support;

namespace TrustFund.BrowserTests;

[Collection(BrowserCollection.Name)]
public sealed class ApplyInFrenchTests(BrowserApp app)
{
    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    [SkippableFact]
    public async Task AnNgo_RegistersFillsTheWholeFormInFrench_Submits_AndGetsTheReceiptByEmail()
    {
        Skip.If(app.SkipReason is not null, app.SkipReason);
        var page = await app.NewPage("fr");
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        const string email = "directrice@refuge-abidjan.org";

        // Register the organisation and confirm the address from the e-mail.
        await page.GotoAsync("/register?culture=fr");
        Assert.Equal("Inscrivez votre organisation", await page.Locator("h1").InnerTextAsync());
        await page.Locator("#LegalName").FillAsync("Refuge des Lagunes");
        await page.Locator("#CountryIso2").SelectOptionAsync("CI");
        await page.Locator("#DisplayName").FillAsync("Aïcha Koné");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync("Refuge-Lagunes-2027");
        await page.Locator("form button[type=submit]").ClickAsync();
        var confirmation = await Mailbox.WaitFor(app.PickupDirectory, email);
        var link = Regex.Match(confirmation.TextBody!, @"https?://\S+/account/confirm-email\?\S+").Value;
        // The link points at App:PublicBaseUrl (Development: http://localhost:5000); this app listens on its own port.
        await page.GotoAsync(new Uri(link).PathAndQuery);
        await Assertions.Expect(page.Locator(".notice")).ToBeVisibleAsync();

        await page.GotoAsync("/account/login");
        await page.Locator("#Email").FillAsync(email);
        await page.Locator("#Password").FillAsync("Refuge-Lagunes-2027");
        await page.Locator("form.stack button[type=submit]").ClickAsync();

        // Start an application to the short-term call: the eligibility questions first, then the draft's task list.
        await page.GotoAsync("/apply");
        await page.Locator(".calls li", new() { HasText = "Assistance d’urgence" }).Locator("a.button").ClickAsync();
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Votre organisation peut-elle présenter une demande\u00A0?");
        await Support.EligibilityQuestions.AnswerYesToAllAndStart(page);
        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("Demande incomplète");
        await Assertions.Expect(TaskStatus(page, "organisation")).ToHaveTextAsync("Terminée"); // the registration filled it
        await Assertions.Expect(TaskStatus(page, "project")).ToHaveTextAsync("Pas commencée");
        await Assertions.Expect(TaskStatus(page, "review")).ToHaveTextAsync("Pas encore possible");
        Assert.Equal(0, await page.Locator("li[data-task=review] a").CountAsync());
        await page.Locator("li[data-task=organisation] a").ClickAsync();
        await Assertions.Expect(page.Locator("h2").First).ToHaveTextAsync("Organisation");

        await page.Locator("#Organisation_RegistrationNumber").FillAsync("CI-ABJ-2014-553");
        await page.Locator("#Organisation_RegistrationDate").FillAsync("2014-05-12");
        await page.Locator("#Organisation_UnppPartnerId").FillAsync("CI-88231");
        await page.Locator("#Organisation_YearsOfDirectAssistance").FillAsync("8");
        foreach (var box in new[] { "IsNonProfit", "HasPseaPolicy", "BankAccountInOrganisationName" })
            await page.Locator($"input[type=checkbox][name='Organisation.{box}']").CheckAsync();
        await page.Locator("button[value=next]").ClickAsync();

        var start = app.Clock.GetUtcNow().UtcDateTime.Date.AddMonths(2);
        await page.Locator("#Project_Title").FillAsync("Hébergement d'urgence et aide juridique à Abidjan");
        await page.Locator("#Project_Context").FillAsync("Les victimes de la traite arrivent sans abri.");
        await page.Locator("#Project_Objectives").FillAsync("Offrir un abri sûr et une aide juridique.");
        await page.Locator("#Project_Activities").FillAsync("Hébergement, soins, accompagnement juridique.");
        await page.Locator("#Project_WorkPlan").FillAsync("Mois 1 à 6 : accueil et suivi.");
        await page.Locator("#Project_StartDate").FillAsync(start.ToString("yyyy-MM-dd"));
        await page.Locator("#Project_EndDate").FillAsync(start.AddMonths(6).AddDays(-1).ToString("yyyy-MM-dd"));
        await page.Locator("button[value=next]").ClickAsync();

        await page.Locator("input[name='B.SEXUAL_EXPLOITATION.Female.Adult']").FillAsync("25");
        await page.Locator("input[name='B.FORCED_LABOUR.Female.Child']").FillAsync("10");
        await page.Locator("button[value=next]").ClickAsync();

        await page.Locator("select[name='Budget[0].Category']").SelectOptionAsync("DirectAssistance");
        await page.Locator("input[name='Budget[0].Description']").FillAsync("Hébergement et repas");
        // Say it where it happens: a total above the call's ceiling is flagged while typing, and the flag goes once it is within.
        await page.Locator("input[name='Budget[0].Amount']").FillAsync("90000");
        await Assertions.Expect(page.Locator("[data-budget-outside]")).ToBeVisibleAsync();
        await page.Locator("input[name='Budget[0].Amount']").FillAsync("15000");
        await Assertions.Expect(page.Locator("[data-budget-outside]")).ToBeHiddenAsync();
        await page.Locator("select[name='Budget[1].Category']").SelectOptionAsync("OfficeRunningCosts");
        await page.Locator("input[name='Budget[1].Description']").FillAsync("Part du loyer");
        await page.Locator("input[name='Budget[1].Amount']").FillAsync("500");
        await Assertions.Expect(page.Locator("[data-budget-total]")).ToContainTextAsync("15"); // live total, in French format
        await page.Locator("button[value=next]").ClickAsync();

        await page.Locator("#Declaration_Accepted").CheckAsync();
        await page.Locator("#Declaration_SignatoryName").FillAsync("Aïcha Koné");
        await page.Locator("#Declaration_SignatoryTitle").FillAsync("Directrice");
        await page.Locator("button[value=next]").ClickAsync();

        foreach (var type in new[] { "RegistrationCertificate", "AuditedFinancialStatements", "ReferenceLetter1", "ReferenceLetter2" })
        {
            await page.Locator("#UploadType").SelectOptionAsync(type);
            await page.Locator("#Upload").SetInputFilesAsync(new FilePayload { Name = $"{type}.pdf", MimeType = "application/pdf", Buffer = Pdf });
            await page.Locator("form[enctype] button[type=submit]").ClickAsync();
        }
        // Every section is complete on the task list, which now leads to checking the answers.
        await page.GotoAsync(page.Url.Replace("/attachments", ""));
        foreach (var section in new[] { "organisation", "project", "beneficiaries", "budget", "declaration", "attachments" })
            await Assertions.Expect(TaskStatus(page, section)).ToHaveTextAsync("Terminée");
        await page.Locator("li[data-task=review] a").ClickAsync();
        await Assertions.Expect(page.Locator(".notice", new() { HasText = "complète" })).ToBeVisibleAsync();
        // Check your answers: a change goes to its field on its step, and back.
        var title = page.Locator("dl[data-section=project] > div", new() { HasText = "Titre du projet" });
        await Assertions.Expect(title.Locator("dd").First).ToHaveTextAsync("Hébergement d'urgence et aide juridique à Abidjan");
        await title.Locator("a", new() { HasText = "Modifier" }).ClickAsync();
        await page.ArrivedAt(url => url.EndsWith("/project#Project_Title"));
        await page.Locator("#Project_Title").FillAsync("Hébergement d'urgence et aide juridique à Abidjan et Bouaké");
        await page.Locator("button[value=next]").ClickAsync();
        await page.GotoAsync(page.Url.Replace("/beneficiaries", "/review"));
        await Assertions.Expect(title.Locator("dd").First).ToHaveTextAsync("Hébergement d'urgence et aide juridique à Abidjan et Bouaké");

        await page.Locator("form[data-confirm] button[type=submit]").ClickAsync();
        await Assertions.Expect(page.Locator(".notice h2")).ToHaveTextAsync("Demande reçue");
        var reference = Regex.Match(await page.Locator(".notice").InnerTextAsync(), @"UNVTF-\d{4}-SGP1-\d{4}").Value;
        Assert.NotEmpty(reference);

        var receipt = await Mailbox.WaitFor(app.PickupDirectory, email, m => m.Subject?.Contains(reference) == true);
        Assert.Equal($"Demande {reference} reçue", receipt.Subject);
        Assert.Contains("Hébergement d'urgence et aide juridique à Abidjan et Bouaké", receipt.TextBody);
    }

    private static ILocator TaskStatus(IPage page, string task) => page.Locator($"li[data-task={task}] .task-status");
}
