using TrustFund.Web.Hosting;

// `dotnet TrustFund.Web.dll migrate`, `... seed` and `... add-admin EMAIL "NAME"` run one task and exit;
// `check-postgres` tells whether this machine can run the embedded PostgreSQL; without a verb the application serves.
if (args.FirstOrDefault() == "check-postgres") return EmbeddedPostgresCheck.Run();

string[] verbs = ["migrate", "seed", "add-admin"];
var verb = args.FirstOrDefault() is { } first && verbs.Contains(first) ? first : null;
var verbArguments = verb is null ? [] : args.Skip(1).TakeWhile(a => !a.StartsWith("--")).ToArray();
var app = WebApp.Build(verb is null ? args : args.Skip(1 + verbArguments.Length).ToArray());

switch (verb)
{
    case "migrate":
        await DatabaseSetup.MigrateAsync(app.Services);
        Console.WriteLine("Database migrated.");
        break;
    case "seed":
        await DatabaseSetup.SeedAsync(app.Services, includeDemo: app.Environment.IsDevelopment());
        Console.WriteLine("Reference data seeded.");
        break;
    case "add-admin":
        return await AdminAccount.AddAsync(app, verbArguments);
    default:
        await DatabaseSetup.PrepareAtStartupAsync(app);
        await app.RunAsync();
        break;
}
return 0;

public partial class Program;
