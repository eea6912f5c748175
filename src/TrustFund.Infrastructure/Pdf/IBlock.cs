namespace TrustFund.Infrastructure.Pdf;

/// <summary>A piece of flowing content. Layout only measures and places; drawing happens later.</summary>
internal interface IBlock
{
    void Layout(PageFlow flow);
}
