namespace TrustFund.Infrastructure.Pdf;

/// <summary>A piece of flowing content. Layout only measures and places; drawing happens later.</summary>
internal interface IBlock
{
    void Layout(PageFlow flow);

    /// <summary>
    /// The height of this block's start that a heading just above it must share a page with (a short table whole, a
    /// chart with its caption); 0 when the heading's own rule, a few lines of text, is enough.
    /// </summary>
    float LeadHeight(PageFlow flow) => 0;
}
