using FluentValidation;
using Mediator;
using TrustFund.Application.Features.Account;
using TrustFund.Application.Features.Users;
using TrustFund.Application.Identity;
using TrustFund.Domain.Common;

namespace TrustFund.Web.Hosting;

/// <summary>
/// `add-admin EMAIL "NAME"`: creates the first administrator of a new installation, who then sets a password
/// through the e-mailed link (no password is typed on a server console or kept in a shell history).
/// </summary>
public static class AdminAccount
{
    public static async Task<int> AddAsync(WebApplication app, string[] arguments)
    {
        if (arguments.Length < 1)
        {
            Console.Error.WriteLine("Usage: dotnet TrustFund.Web.dll add-admin EMAIL \"FULL NAME\"");
            return 2;
        }
        await using var scope = app.Services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        // A verb run on the server by its operator: it acts as the system, for which CreateUser is declared.
        scope.ServiceProvider.GetRequiredService<TrustFund.Application.Authorization.ActingUser>().AsSystem();
        try
        {
            var email = arguments[0];
            await mediator.Send(new CreateUser.Command(email, arguments.Length > 1 ? arguments[1] : email, "en", [Roles.Admin]));
            await mediator.Send(new RequestPasswordReset.Command(email));
            Console.WriteLine($"Administrator {email} created; a link to choose a password has been queued for e-mail.");
            return 0;
        }
        catch (Exception e) when (e is DomainException or ValidationException)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }
}
