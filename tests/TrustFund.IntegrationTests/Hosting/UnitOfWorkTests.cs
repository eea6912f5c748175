using System.Text.RegularExpressions;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Behaviours;
using TrustFund.Application.Data;
using TrustFund.IntegrationTests.Support;

namespace TrustFund.IntegrationTests.Hosting;

/// <summary>The pipeline owns the unit of work: every command runs in the transaction behaviour, and no handler opens its own.</summary>
public sealed partial class UnitOfWorkTests(TrustFundAppFactory app) : IntegrationTest(app)
{
    [Fact]
    public async Task EveryCommand_RunsThroughTheTransactionBehaviour_LastInThePipeline()
    {
        var commands = typeof(TrustFundDbContext).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && typeof(IBaseCommand).IsAssignableFrom(t)).ToList();
        Assert.True(commands.Count > 50, $"only {commands.Count} commands found");
        await using var scope = App.Services.CreateAsyncScope();
        foreach (var command in commands)
        {
            var response = command.GetInterfaces().Single(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>)).GetGenericArguments()[0];
            var behaviours = scope.ServiceProvider.GetServices(typeof(IPipelineBehavior<,>).MakeGenericType(command, response)).ToList();
            Assert.True(behaviours.LastOrDefault()?.GetType().GetGenericTypeDefinition() == typeof(TransactionBehaviour<,>),
                $"{command.DeclaringType?.Name}.{command.Name} runs {string.Join(" → ", behaviours.Select(b => b!.GetType().Name))}");
        }
    }

    [Fact]
    public void NoHandlerOpensItsOwnTransaction()
    {
        var src = Path.Combine(SolutionFolder.Root(), "src");
        var opening = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/obj/") && !f.Contains("/bin/") && !f.EndsWith("/TransactionBehaviour.cs"))
            .Where(f => BeginTransaction().IsMatch(File.ReadAllText(f)))
            .Select(f => Path.GetRelativePath(src, f)).ToList();
        Assert.True(opening.Count == 0, "These open a transaction of their own; the pipeline's TransactionBehaviour owns it:\n" + string.Join("\n", opening));
    }

    [GeneratedRegex(@"\bBeginTransaction(Async)?\(")]
    private static partial Regex BeginTransaction();
}
