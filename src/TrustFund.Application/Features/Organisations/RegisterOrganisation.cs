using System.Net;
using System.Text;
using FluentValidation;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.ReferenceData;
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Application.Validation;
using TrustFund.Domain.Common;
using TrustFund.Domain.Organisations;

namespace TrustFund.Application.Features.Organisations;

/// <summary>
/// An NGO registers itself and its first user, who becomes the organisation's administrator. The account can
/// sign in once the e-mail address is confirmed through the link sent to it.
/// </summary>
public static class RegisterOrganisation
{
    [AllowAnonymous]
    public sealed record Command(string LegalName, string CountryIso2, string Email, string DisplayName, string Password,
        string Language) : ICommand<Result>;

    public sealed record Result(Guid OrganisationId, Guid UserId);

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.LegalName).NotEmpty().WithMessage("Enter the organisation's legal name.").AtMost(300, "Legal name of the organisation");
            RuleFor(x => x.CountryIso2).NotEmpty().WithMessage("Choose the country where the organisation is registered.");
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an e-mail address.").EmailAddress().WithMessage("Enter a valid e-mail address.");
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter your name.").AtMost(200, "Your name");
            RuleFor(x => x.Email).AtMost(256, "E-mail address");
            RuleFor(x => x.Password).NotEmpty().WithMessage("Enter a password.")
                .MinimumLength(10).WithMessage("The password must have at least 10 characters.");
            RuleFor(x => x.Language).Must(l => LocalizedText.Languages.Contains(l)).WithMessage("Choose English, French or Spanish.");
        }
    }

    public sealed class Handler(TrustFundDbContext db, UserManager<ApplicationUser> users, IEmailSender email, TimeProvider clock, PublicSite site)
        : ICommandHandler<Command, Result>
    {
        public async ValueTask<Result> Handle(Command command, CancellationToken ct)
        {
            (await new ReferenceCodeCheck(db).Country(command.CountryIso2, "CountryIso2", ct)).ThrowIfAnyUnknown();
            if (await users.FindByEmailAsync(command.Email) is not null)
                throw new DomainException("An account with this e-mail address already exists.");

            var now = clock.GetUtcNow();
            var organisation = new Organisation(command.LegalName, command.CountryIso2, now);
            organisation.CorrespondIn(command.Language);
            db.Organisations.Add(organisation);
            await db.SaveChangesAsync(ct);

            var user = new ApplicationUser
            {
                UserName = command.Email.Trim(), Email = command.Email.Trim(), DisplayName = command.DisplayName.Trim(),
                PreferredLanguage = command.Language, OrganisationId = organisation.Id, IsOrganisationAdmin = true, CreatedAt = now,
            };
            IdentityFailure.ThrowIfFailed(await users.CreateAsync(user, command.Password));
            IdentityFailure.ThrowIfFailed(await users.AddToRoleAsync(user, Roles.Applicant));

            var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GenerateEmailConfirmationTokenAsync(user)));
            var link = site.Link($"/account/confirm-email?userId={user.Id}&code={token}");
            var (subject, body) = Languages.Pick(command.Language,
                ("Confirm your e-mail address for TrustFund", "Welcome to TrustFund, {0}.\n\nTo confirm your e-mail address and activate the account of {1}, open this link:\n{2}\n"),
                ("Confirmez votre adresse électronique pour TrustFund", "Bienvenue sur TrustFund, {0}.\n\nPour confirmer votre adresse électronique et activer le compte de {1}, ouvrez ce lien\u00A0:\n{2}\n"),
                ("Confirme su correo electrónico para TrustFund", "Bienvenido/a a TrustFund, {0}.\n\nPara confirmar su correo electrónico y activar la cuenta de {1}, abra este enlace:\n{2}\n"));
            var text = string.Format(body, user.DisplayName, organisation.LegalName, link);
            email.Queue(new EmailMessage(user.Email!, subject, text,
                $"<p>{WebUtility.HtmlEncode(text.Replace(link, "")).Replace("\n", "<br>")}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"));
            await db.SaveChangesAsync(ct);
            return new Result(organisation.Id, user.Id);
        }
    }
}
