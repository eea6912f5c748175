using TrustFund.Web.Hosting;

// `dotnet TrustFund.Web.dll migrate` and `... seed` run one task and exit; anything else serves the application.
var verb = args.FirstOrDefault(a => a is "migrate" or "seed");
var app = WebApp.Build(args.Where(a => a != verb).ToArray());

switch (verb)
{
    case "migrate":
        await DatabaseSetup.MigrateAsync(app.Services);
        break;
    case "seed":
        await DatabaseSetup.SeedAsync(app.Services, includeDemo: app.Environment.IsDevelopment());
        break;
    default:
        await DatabaseSetup.PrepareAtStartupAsync(app);
        await app.RunAsync();
        break;
}

public partial class Program;
