namespace TrustFund.Application.Reports;

/// <summary>The paper a report is laid out for: A4 everywhere but in offices that print on US Letter.</summary>
public enum PaperSize
{
    A4,
    Letter,
}
