namespace TrustFund.Application.Features.OpenData;

/// <summary>The settings of the published open data (section "OpenData"; every value has a default, listed in appsettings.example.json).</summary>
public sealed class OpenDataOptions
{
    /// <summary>
    /// The IATI organisation identifier of the publisher: UNODC's OECD DAC channel code 41128 under the "XM-DAC"
    /// registration agency. Every activity identifier starts with it.
    /// </summary>
    public string ReportingOrgRef { get; set; } = "XM-DAC-41128";

    /// <summary>IATI OrganisationType of the publisher: 40, multilateral (UNODC is a UN entity).</summary>
    public string ReportingOrgType { get; set; } = "40";

    public string ReportingOrgName { get; set; } = "United Nations Office on Drugs and Crime";

    /// <summary>
    /// The OECD DAC 5-digit purpose code (IATI sector vocabulary 1) of every grant. Default 15160, Human rights:
    /// trafficking in persons is a grave violation of human rights, and the fund assists victims of every sex, age and
    /// form of exploitation (forced labour, organ removal, child soldiers as well as sexual exploitation), so 15180
    /// (ending violence against women and girls) would mislabel part of them, and 15190 (migration) would miss the
    /// victims trafficked within their own country. A fund that reports to the OECD under another code sets it here.
    /// </summary>
    public string SectorCode { get; set; } = "15160";

    /// <summary>The suffix of the fund's own activity (its incoming pledges and contributions) after the organisation identifier.</summary>
    public string FundActivitySuffix { get; set; } = "UNVTF";

    public string FundActivityIdentifier => $"{ReportingOrgRef}-{FundActivitySuffix}";
}
