using System.Net;
using System.Text;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using TrustFund.Application.Abstractions;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Identity;

namespace TrustFund.Application.Features.Account;

/// <summary>
/// E-mails a password-reset link in the person's language. The answer is the same whether or not the address
/// exists, so the form cannot be used to find out who has an account.
/// </summary>
public static class RequestPasswordReset
{
    [AllowAnonymous]
    public sealed record Command(string Email) : ICommand<Unit>;

    public sealed class Handler(UserManager<ApplicationUser> users, IEmailSender email, TrustFundDbContext db, PublicSite site)
        : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var user = await users.FindByEmailAsync(command.Email.Trim());
            if (user is null || !user.EmailConfirmed) return Unit.Value;

            var token = await users.GeneratePasswordResetTokenAsync(user);
            var code = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));
            var link = site.Link($"/account/reset-password?email={Uri.EscapeDataString(user.Email!)}&code={code}");
            var text = Texts[user.PreferredLanguage is "fr" or "es" ? user.PreferredLanguage : "en"];
            email.Queue(new EmailMessage(user.Email!, text.Subject,
                string.Format(text.Body, user.DisplayName, link),
                $"<p>{WebUtility.HtmlEncode(string.Format(text.Greeting, user.DisplayName))}</p><p>{WebUtility.HtmlEncode(text.Action)}</p>" +
                $"<p><a href=\"{WebUtility.HtmlEncode(link)}\">{WebUtility.HtmlEncode(text.Button)}</a></p><p>{WebUtility.HtmlEncode(text.Ignore)}</p>"));
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }
    }

    private sealed record Text(string Subject, string Greeting, string Action, string Button, string Ignore)
    {
        public string Body => Greeting + "\n\n" + Action + "\n{1}\n\n" + Ignore + "\n";
    }

    private static readonly Dictionary<string, Text> Texts = new()
    {
        ["en"] = new("Reset your TrustFund password", "Dear {0},",
            "Someone asked to reset the password of your TrustFund account. To choose a new password, open this link (valid for one day):",
            "Choose a new password", "If you did not ask for this, ignore this e-mail: your password stays as it is."),
        ["fr"] = new("Réinitialiser votre mot de passe TrustFund", "Madame, Monsieur {0},",
            "Une réinitialisation du mot de passe de votre compte TrustFund a été demandée. Pour choisir un nouveau mot de passe, ouvrez ce lien (valable un jour)\u00A0:",
            "Choisir un nouveau mot de passe", "Si vous n'êtes pas à l'origine de cette demande, ignorez ce message\u00A0: votre mot de passe reste inchangé."),
        ["es"] = new("Restablecer su contraseña de TrustFund", "Estimado/a {0}:",
            "Se ha solicitado restablecer la contraseña de su cuenta de TrustFund. Para elegir una nueva contraseña, abra este enlace (válido durante un día):",
            "Elegir una nueva contraseña", "Si usted no lo solicitó, ignore este mensaje: su contraseña no cambia."),
    };
}
