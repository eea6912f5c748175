namespace TrustFund.Infrastructure.Pdf;

/// <summary>A table column: header text, width (fixed points or a share of what is left) and alignment.</summary>
internal sealed record TableColumn(string Header, float? FixedWidth, float RelativeWidth, Align Align);
