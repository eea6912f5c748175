using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application;

namespace TrustFund.UnitTests.Validation;

/// <summary>Validators are registered once for the whole process (AddApplication), so none may hold a per-request service.</summary>
public sealed class ValidatorLifetimeTests
{
    [Fact]
    public void AddApplication_RegistersEveryValidatorAsASingleton_AndNoneTakesAService()
    {
        var registrations = new ServiceCollection().AddApplication()
            .Where(d => d.ServiceType.IsGenericType && d.ServiceType.GetGenericTypeDefinition() == typeof(IValidator<>)).ToList();

        Assert.NotEmpty(registrations);
        Assert.All(registrations, d => Assert.Equal(ServiceLifetime.Singleton, d.Lifetime));
        Assert.All(registrations, d => Assert.Contains(d.ImplementationType!.GetConstructors(), c => c.GetParameters().Length == 0));
    }
}
