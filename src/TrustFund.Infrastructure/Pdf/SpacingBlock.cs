namespace TrustFund.Infrastructure.Pdf;

/// <summary>Vertical space in points (dropped at the top of a page).</summary>
internal sealed record SpacingBlock(float Points) : IBlock
{
    public void Layout(PageFlow flow) => flow.Gap(Points);
}

/// <summary>Forces the next block onto a new page.</summary>
internal sealed record PageBreakBlock : IBlock
{
    public void Layout(PageFlow flow)
    {
        if (!flow.AtPageTop) flow.NewPage();
    }
}
