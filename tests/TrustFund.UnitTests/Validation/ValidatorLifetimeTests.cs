using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application;

namespace TrustFund.UnitTests.Validation;

/// <summary>
/// Validators are registered once for the whole process (AddApplication), so none may hold a per-request service; the
/// clock, itself one for the process, is the only service a validator may take (dates are checked against "today").
/// </summary>
public sealed class ValidatorLifetimeTests
{
    [Fact]
    public void AddApplication_RegistersEveryValidatorAsASingleton_AndNoneTakesAService()
    {
        var registrations = new ServiceCollection().AddApplication()
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>)).ToList();

        Assert.NotEmpty(registrations);
        Assert.All(registrations, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        Assert.All(registrations, d => Assert.Contains(d.ImplementationType!.GetConstructors(),
            c => c.GetParameters().All(p => p.ParameterType == typeof(TimeProvider))));
    }
}
