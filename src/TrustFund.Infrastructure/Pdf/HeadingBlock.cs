namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// A bold heading (levels 1–3). It keeps with the next few lines, or with the start of the next block when that is taller
/// (<see cref="IBlock.LeadHeight"/>): no heading alone at a page foot.
/// </summary>
internal sealed record HeadingBlock(string Text, int Level) : IBlock
{
    public void Layout(PageFlow flow) => Layout(flow, 0);

    public void Layout(PageFlow flow, float followingLead)
    {
        float size = DocumentTheme.HeadingSize(Level);
        var lines = LineBreaker.Break(flow.Shaper, Text, bold: true, size, flow.Width, TextAlignment.Left);
        float before = Level == 1 ? 14f : 10f;
        float after = Level == 1 ? 6f : 3f;
        float height = lines.Sum(l => l.Height);
        float keepWithNext = Math.Max(3 * DocumentTheme.BodySize * DocumentTheme.LineSpacing, followingLead);
        // What cannot fit on any page anyway is not kept with the heading.
        if (before + height + after + keepWithNext > flow.PageHeight) keepWithNext = 3 * DocumentTheme.BodySize * DocumentTheme.LineSpacing;
        flow.EnsureRoom(before + height + after + keepWithNext);
        flow.Gap(before);
        flow.AddLines(lines, flow.Left, Level == 1 ? DocumentTheme.Accent : DocumentTheme.Text);
        if (Level == 1)
        {
            flow.Advance(2f);
            flow.Add(new RuleDrawing(flow.Left, flow.Y, flow.Right, flow.Y, DocumentTheme.Rule, DocumentTheme.RuleWidth));
        }
        flow.Advance(after);
    }
}
