using TrustFund.Application.Messaging;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.Grants;

/// <summary>A report's kind as a notice names it inside a sentence (hence lower case), in its reader's language.</summary>
public static class ReportKindWord
{
    public static CatalogueWord For(GrantReportKind kind) => kind switch
    {
        GrantReportKind.InterimNarrative => new CatalogueWord("interim narrative report"),
        GrantReportKind.InterimFinancial => new CatalogueWord("interim financial report"),
        GrantReportKind.FinalNarrative => new CatalogueWord("final narrative report"),
        _ => new CatalogueWord("final financial report"),
    };
}
