using TrustFund.Application.Reports;
using TrustFund.Infrastructure.Pdf;
using TrustFund.Infrastructure.Reports.Shared;

namespace TrustFund.Infrastructure.Reports.ApplicationSummary;

internal sealed class BudgetSection(ApplicationSummaryData data, DocumentLanguage l) : IComponent
{
    public void Compose(ContentBuilder c)
    {
        c.Heading(l.T("Budget"), 2);
        if (data.Budget.Count == 0)
        {
            c.Paragraph(l.T("No budget lines are given."));
            return;
        }
        c.Table(t =>
        {
            t.FixedColumn(l.T("Category"), 120);
            t.Column(l.T("Description"), 3);
            t.FixedColumn("USD", 90, Align.Right);
            foreach (var line in data.Budget) t.Row(line.Category, line.Description, l.Amount(line.Amount));
            t.TotalRow(l.T("Total requested"), "", l.Amount(data.Budget.Sum(x => x.Amount)));
        });
    }
}
