using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Metadata;
using Microsoft.Extensions.Localization;

namespace TrustFund.Web.Localization;

/// <summary>
/// What ASP.NET says when a posted value cannot be read ("abc" in a number, a garbage date), in the reader's language
/// and naming the field by its label instead of "The value 'abc' is not valid for Amount.". The accessors run when the
/// value is refused, so the catalogue answers in that request's language.
/// </summary>
public static class ModelBindingMessages
{
    /// <summary>Long hostile values are cut in the message: the field still shows what was typed.</summary>
    private const int ValueShown = 40;

    public static void Use(DefaultModelBindingMessageProvider messages, IStringLocalizer text)
    {
        messages.SetAttemptedValueIsInvalidAccessor((value, field) => text["{0}: “{1}” is not a valid value.", field, Cut(value)]);
        messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => text["“{0}” is not a valid value.", Cut(value)]);
        messages.SetValueIsInvalidAccessor(value => text["“{0}” is not a valid value.", Cut(value)]);
        messages.SetUnknownValueIsInvalidAccessor(field => text["{0}: the value is not valid.", field]);
        messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => text["The value is not valid."]);
        // An empty number box: ASP.NET passes the (empty) value here, not the field, so the message sits next to the field.
        messages.SetValueMustNotBeNullAccessor(_ => text["Enter a value."]);
        messages.SetMissingBindRequiredValueAccessor(field => text["{0}: enter a value.", field]);
        messages.SetMissingKeyOrValueAccessor(() => text["Enter a value."]);
        messages.SetMissingRequestBodyRequiredValueAccessor(() => text["Enter a value."]);
        messages.SetValueMustBeANumberAccessor(field => text["{0}: enter a number.", field]);
        messages.SetNonPropertyValueMustBeANumberAccessor(() => text["Enter a number."]);
    }

    internal static string Cut(string? value) => value is null ? "" : value.Length <= ValueShown ? value : value[..ValueShown] + "…";
}

/// <summary>
/// The labels of the applicant's form fields, so that a value the binder refuses is named as the page names it
/// ("Montant (USD)") and not by its C# property ("Amount"). The applicant's forms are listed, and the number fields of
/// the staff forms a typed "abc" can reach; other forms keep their own display names.
/// </summary>
public sealed class FieldLabels(IStringLocalizer text) : IDisplayMetadataProvider
{
    private static readonly Dictionary<(Type, string), string> Labels = new()
    {
        [(typeof(Areas.Apply.Pages.StepModel.BudgetLineInput), "Amount")] = "Amount (USD)",
        [(typeof(Areas.Apply.Pages.StepModel.BudgetLineInput), "Category")] = "Category",
        [(typeof(Application.Features.Organisations.OrganisationProfileForm), "YearsOfDirectAssistance")] = "Years of direct assistance to victims of trafficking",
        [(typeof(Application.Features.Organisations.OrganisationProfileForm), "RegistrationDate")] = "Date of registration",
        [(typeof(Domain.Applications.ProjectSection), "StartDate")] = "Start date",
        [(typeof(Domain.Applications.ProjectSection), "EndDate")] = "End date",
        [(typeof(Domain.Applications.PartnerDeclaration), "Accepted")] = "I accept the declaration on behalf of the organisation.",
        [(typeof(Domain.Applications.PartnerDeclaration), "PartnersContribute")] = "Partners co-fund the project (evidence of their contribution must be attached).",
        [(typeof(Areas.Apply.Pages.StepModel), "UploadType")] = "Document",
        [(typeof(Areas.Admin.Pages.Board.AppointModel.AppointForm), "TermStart")] = "First day of the term",
        [(typeof(Areas.Admin.Pages.Board.AppointModel.AppointForm), "TermEnd")] = "End of the term",
        [(typeof(Areas.Admin.Pages.Board.ChairModel.ChairForm), "Year")] = "Year",
        [(typeof(Areas.Fund.Pages.Donors.NewPledgeModel), "Amount")] = "Amount pledged",
        [(typeof(Areas.Fund.Pages.Donors.NewReceiptModel.ReceiptForm), "Amount")] = "Amount deposited",
        [(typeof(Areas.Fund.Pages.Donors.NewReceiptModel.ReceiptForm), "ValueDate")] = "Value date",
        [(typeof(Areas.Fund.Pages.Review.AssignModel.AutoForm), "ReviewersPerApplication")] = "Reviewers per application",
        [(typeof(Areas.Fund.Pages.Review.AwardModel.DecideForm), "Amount")] = "Approved amount (USD)",
        [(typeof(Areas.Fund.Pages.Settings.IndexModel.SettingsForm), "PscPercent")] = "Programme support cost (%)",
        [(typeof(Areas.Fund.Pages.Settings.IndexModel.SettingsForm), "OperatingReservePercent")] = "Operating reserve (%)",
    };

    /// <summary>The applicant's forms whose empty text fields stay "" (the records' strings are not nullable).</summary>
    private static readonly HashSet<Type> ApplicantForms =
    [
        typeof(Areas.Apply.Pages.StepModel.BudgetLineInput), typeof(Application.Features.Organisations.OrganisationProfileForm),
        typeof(Domain.Applications.ProjectSection), typeof(Domain.Applications.PartnerDeclaration),
    ];

    public void CreateDisplayMetadata(DisplayMetadataProviderContext context)
    {
        if (context.Key.ContainerType is not { } container || context.Key.Name is not { } name) return;
        if (Labels.TryGetValue((container, name), out var label)) context.DisplayMetadata.DisplayName = () => text[label];
        // A field posted empty is an empty text, not null: null in a non-nullable string breaks whoever reads it next.
        if (ApplicantForms.Contains(container) && context.Key.ModelType == typeof(string)) context.DisplayMetadata.ConvertEmptyStringToNull = false;
    }
}
