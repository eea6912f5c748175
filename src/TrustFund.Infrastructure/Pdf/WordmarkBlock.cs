namespace TrustFund.Infrastructure.Pdf;

/// <summary>The Fund's text wordmark, for the top of a first page: "UNODC" over the Fund's full name and a rule.</summary>
internal sealed record WordmarkBlock : IBlock
{
    public void Layout(PageFlow flow)
    {
        var mark = LineBreaker.Break(flow.Shaper, "UNODC", bold: true, 20f, flow.Width, TextAlignment.Left);
        var name = LineBreaker.Break(flow.Shaper, "UN Voluntary Trust Fund for Victims of Trafficking in Persons", bold: false, 10f, flow.Width, TextAlignment.Left);
        flow.EnsureRoom(mark.Sum(l => l.Height) + name.Sum(l => l.Height) + 10f);
        flow.AddLines(mark, flow.Left, DocumentTheme.Accent);
        flow.AddLines(name, flow.Left, DocumentTheme.Muted);
        flow.Advance(4f);
        flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.Accent, 1f));
        flow.Advance(6f);
    }
}
