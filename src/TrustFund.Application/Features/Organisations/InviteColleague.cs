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
using TrustFund.Application.Identity;
using TrustFund.Application.Messaging;
using TrustFund.Application.Validation;
using TrustFund.Domain.Common;

namespace TrustFund.Application.Features.Organisations;

/// <summary>
/// The organisation's administrator invites a colleague: an account of the same organisation is created and the
/// colleague chooses a password through an e-mailed link (which also proves the address is theirs). The e-mail is an
/// invitation, in the colleague's language: who invited them, to which organisation, and the link to set a password
/// (not a password-reset notice they never asked for).
/// </summary>
public static class InviteColleague
{
    [Authorize(Roles.Applicant, Scope = Scope.OwnOrganisation)]
    public sealed record Command(string Email, string DisplayName, string Language) : ICommand<Guid>;

    public sealed class Validator : AbstractValidator<Command>
    {
        public Validator()
        {
            RuleFor(x => x.Email).NotEmpty().WithMessage("Enter an e-mail address.").EmailAddress().WithMessage("Enter a valid e-mail address.");
            RuleFor(x => x.DisplayName).NotEmpty().WithMessage("Enter the person's name.").AtMost(200, "Name");
            RuleFor(x => x.Language).Must(l => LocalizedText.Languages.Contains(l)).WithMessage("Choose English, French or Spanish.");
        }
    }

    public sealed class Handler(UserManager<ApplicationUser> users, ICurrentUser user, IdentityLookup identity, TrustFundDbContext db,
        IEmailSender email, PublicSite site, TimeProvider clock)
        : ICommandHandler<Command, Guid>
    {
        public async ValueTask<Guid> Handle(Command command, CancellationToken ct)
        {
            var organisationId = user.OrganisationId ?? throw new DomainException("Only users of a registered organisation can apply.");
            if (!await identity.IsOrganisationAdmin(ct))
                throw new DomainException("Only your organisation's administrator can invite colleagues.");
            if (await users.FindByEmailAsync(command.Email) is not null)
                throw new DomainException("An account with this e-mail address already exists.");
            var colleague = new ApplicationUser
            {
                UserName = command.Email.Trim(), Email = command.Email.Trim(), EmailConfirmed = true, DisplayName = command.DisplayName.Trim(),
                PreferredLanguage = command.Language, OrganisationId = organisationId, CreatedAt = clock.GetUtcNow(),
            };
            IdentityFailure.ThrowIfFailed(await users.CreateAsync(colleague));
            IdentityFailure.ThrowIfFailed(await users.AddToRoleAsync(colleague, Roles.Applicant));

            var inviter = await db.Users.Where(u => u.Id == user.UserId).Select(u => u.DisplayName).SingleAsync(ct);
            var organisation = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.LegalName).SingleAsync(ct);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(colleague)));
            var link = site.Link($"/account/reset-password?email={Uri.EscapeDataString(colleague.Email!)}&code={code}");
            var (subject, body) = Languages.Pick(command.Language, EnglishInvitation, FrenchInvitation, SpanishInvitation);
            var culture = System.Globalization.CultureInfo.GetCultureInfo(command.Language);
            subject = string.Format(culture, subject, inviter, organisation);
            var text = string.Format(culture, body, colleague.DisplayName, inviter, organisation, link);
            email.Queue(new EmailMessage(colleague.Email!, subject, text,
                $"<p>{WebUtility.HtmlEncode(text.Replace(link, "")).Replace("\n", "<br>")}</p><p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(link)}</a></p>"));
            await db.SaveChangesAsync(ct);
            return colleague.Id;
        }
    }

    /// <summary>{0} the colleague, {1} who invited them, {2} the organisation, {3} the link to set a password.</summary>
    private static readonly (string Subject, string Body) EnglishInvitation = (
        "{0} invites you to TrustFund for {1}",
        "Dear {0},\n\n{1} has created a TrustFund account for you, as a colleague at {2}, to prepare and follow the organisation's applications and reports to the United Nations Voluntary Trust Fund for Victims of Trafficking in Persons.\n\nTo set your password and sign in, open this link (valid for one day):\n{3}\n\nIf the link has expired, choose \"Forgotten your password?\" on the sign-in page and give this e-mail address.\n");

    private static readonly (string Subject, string Body) FrenchInvitation = (
        "{0} vous invite sur TrustFund pour {1}",
        "Madame, Monsieur {0},\n\n{1} vous a créé un compte TrustFund, en tant que collègue de {2}, pour préparer et suivre les demandes et les rapports de l’organisation auprès du Fonds de contributions volontaires des Nations Unies en faveur des victimes de la traite des personnes.\n\nPour choisir votre mot de passe et vous connecter, ouvrez ce lien (valable un jour)\u00A0:\n{3}\n\nSi le lien a expiré, choisissez «\u00A0Mot de passe oublié\u00A0?\u00A0» sur la page de connexion et indiquez cette adresse électronique.\n");

    private static readonly (string Subject, string Body) SpanishInvitation = (
        "{0} le invita a TrustFund en nombre de {1}",
        "Estimado/a {0}:\n\n{1} le ha creado una cuenta de TrustFund, como colega de {2}, para preparar y seguir las solicitudes y los informes de la organización ante el Fondo Fiduciario de Contribuciones Voluntarias de las Naciones Unidas para las Víctimas de la Trata de Personas.\n\nPara elegir su contraseña e iniciar sesión, abra este enlace (válido durante un día):\n{3}\n\nSi el enlace ha caducado, elija «¿Ha olvidado su contraseña?» en la página de inicio de sesión e indique este correo electrónico.\n");
}
