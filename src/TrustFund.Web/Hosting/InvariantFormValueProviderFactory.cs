using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace TrustFund.Web.Hosting;

/// <summary>
/// Reads posted form values with the invariant culture instead of the page's. Browsers send number inputs as
/// "0.921" and date inputs as "2026-10-01" whatever the language, so with the default (current culture) a French or
/// Spanish user's "1000.50" was refused or misread, since their decimal separator is a comma.
/// </summary>
public sealed class InvariantFormValueProviderFactory : IValueProviderFactory
{
    public Task CreateValueProviderAsync(ValueProviderFactoryContext context) =>
        context.ActionContext.HttpContext.Request.HasFormContentType ? AddAsync(context) : Task.CompletedTask;

    private static async Task AddAsync(ValueProviderFactoryContext context)
    {
        IFormCollection form;
        try
        {
            form = await context.ActionContext.HttpContext.Request.ReadFormAsync();
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            throw new ValueProviderException(e.Message, e); // answered as 400, as the default provider does
        }
        context.ValueProviders.Add(new FormValueProvider(BindingSource.Form, form, CultureInfo.InvariantCulture));
    }

    public static void ReplaceDefault(IList<IValueProviderFactory> factories)
    {
        var index = factories.IndexOf(factories.OfType<FormValueProviderFactory>().Single());
        factories[index] = new InvariantFormValueProviderFactory();
    }
}
