namespace TrustFund.Application.Reports;

/// <summary>
/// Turns a report's data into a finished document (PDF). One method per kind of document; the data records say
/// everything the document shows, so the same data always gives the same bytes.
/// </summary>
public interface IReportRenderer
{
    byte[] RenderCallsSummary(CallsSummaryData data);

    byte[] RenderDonorStatement(DonorStatementData data);

    byte[] RenderAnnualReport(AnnualReportData data);

    byte[] RenderApplicationSummary(ApplicationSummaryData data);

    byte[] RenderBoardMinutes(BoardMinutesData data);
}

/// <summary>The calls for proposals of one year, for the "Calls for proposals" summary.</summary>
public sealed record CallsSummaryData(string Title, int Year, DateTimeOffset IssuedAt, string IssuedBy,
    IReadOnlyList<CallsSummaryData.Line> Calls)
{
    public PaperSize Paper { get; init; } = PaperSize.A4;

    /// <summary>The language the document is issued in (en, fr, es): its texts, dates and amounts.</summary>
    public string Language { get; init; } = "en";

    /// <param name="WindowCode">SGP1 or SGP2.</param>
    /// <param name="Deadline">The instant; the renderer shows it in <paramref name="TimeZoneId"/>.</param>
    public sealed record Line(string Slug, string Title, string WindowCode, decimal Envelope, decimal MinGrant,
        decimal MaxGrant, int MaxDurationMonths, DateTimeOffset Deadline, string TimeZoneId, string Status);
}

/// <summary>
/// One donor's statement for a period: its pledges made in the period, the journal's contribution entries for it in the
/// period (receipts and any reversals, so the total is the journal's), its earmarks and, once grants exist, what they funded.
/// </summary>
public sealed record DonorStatementData(string Title, string DonorName, string DonorKind, string? DonorCountry, DateOnly From,
    DateOnly To, DateTimeOffset IssuedAt, string IssuedBy, IReadOnlyList<DonorStatementData.PledgeLine> Pledges,
    IReadOnlyList<DonorStatementData.ReceiptLine> Receipts, decimal JournalReceivedUsd,
    IReadOnlyList<DonorStatementData.EarmarkLine> Earmarks, IReadOnlyList<DonorStatementData.FundedGrantLine> FundedGrants)
{
    public PaperSize Paper { get; init; } = PaperSize.A4;

    /// <summary>The language the document is issued in (en, fr, es): its texts, dates and amounts.</summary>
    public string Language { get; init; } = "en";

    /// <param name="UnitsPerUsd">The UNORE rate in force on the pledge date (units of the currency per USD).</param>
    public sealed record PledgeLine(DateOnly PledgedOn, decimal Amount, string Currency, decimal UnitsPerUsd, decimal Usd,
        string? EarmarkPurpose);

    /// <param name="IsReversal">A correction cancelling an earlier receipt; its amounts are negative.</param>
    public sealed record ReceiptLine(DateOnly ValueDate, string Reference, decimal Amount, string Currency, decimal UnitsPerUsd,
        decimal Usd, bool IsReversal);

    /// <param name="ReceivedUsd">Received against the earmarked pledges in the period, from the journal.</param>
    public sealed record EarmarkLine(string Purpose, decimal PledgedUsd, decimal ReceivedUsd);

    /// <summary>A grant paid from this donor's earmarked money. Filled once grants are recorded (the grants work).</summary>
    public sealed record FundedGrantLine(string Reference, string Grantee, string Country, string Earmark, decimal Usd);
}

/// <summary>
/// Everything the annual fund report of one year shows. A section with nothing to show is an empty list (or
/// <see cref="VictimsAssisted.None"/>); the renderer says so rather than showing nothing.
/// </summary>
public sealed record AnnualReportData(string Title, int Year, DateTimeOffset IssuedAt, string IssuedBy,
    AnnualReportData.Figures Summary, AnnualReportData.FinancialStatement Statement,
    IReadOnlyList<AnnualReportData.DonorLine> Donors, IReadOnlyList<AnnualReportData.BoardSeat> Board,
    IReadOnlyList<AnnualReportData.BoardSessionLine> BoardSessions, IReadOnlyList<AnnualReportData.SelectionLine> Selection,
    IReadOnlyList<AnnualReportData.TargetLine> Targets, IReadOnlyList<AnnualReportData.GrantLine> Grants,
    IReadOnlyList<AnnualReportData.YearLine> ContributionsByYear)
{
    public PaperSize Paper { get; init; } = PaperSize.A4;

    /// <summary>The language the document is issued in (en, fr, es): its texts, dates and amounts.</summary>
    public string Language { get; init; } = "en";

    /// <summary>
    /// Victims assisted, from the grantees' accepted narrative reports (empty when none is accepted). An init property with a
    /// default so the constructor's callers that do not show it stay as they are.
    /// </summary>
    public VictimsAssisted Victims { get; init; } = VictimsAssisted.None;

    /// <summary>The grants under implementation during the year and where each stands at the report's date.</summary>
    public IReadOnlyList<ImplementationLine> Implementation { get; init; } = [];

    /// <summary>
    /// Counts from the accepted narrative reports the annual report uses (one per grant, see IssueAnnualReport). Each list is
    /// one breakdown of the same people, except <see cref="ByAssistance"/>: one person can receive several types of assistance.
    /// </summary>
    /// <param name="Grants">Grants whose reports are counted (one report each).</param>
    /// <param name="Reports">Accepted narrative reports of the year, including earlier ones of a grant that are not added.</param>
    public sealed record VictimsAssisted(int Grants, int Reports, IReadOnlyList<CountLine> BySex, IReadOnlyList<CountLine> ByAgeGroup,
        IReadOnlyList<CountLine> ByForm, IReadOnlyList<CountLine> ByAssistance, IReadOnlyList<CountLine> ByNationality)
    {
        public static readonly VictimsAssisted None = new(0, 0, [], [], [], [], []);

        /// <summary>People assisted: the total by sex, which every breakdown but assistance equals (the form checks it).</summary>
        public int Total => BySex.Sum(l => l.Count);
    }

    /// <summary>One line of a breakdown: a label ("Female", "Shelter", "Nigeria", "Other nationalities") and its count.</summary>
    public sealed record CountLine(string Label, int Count);

    /// <summary>
    /// One grant's implementation at the report's date: the agreement's status, what the journal shows disbursed, and its
    /// reports accepted against those due so far.
    /// </summary>
    public sealed record ImplementationLine(string Reference, string Grantee, string Country, string Status, DateOnly EndDate,
        decimal DisbursedUsd, int ReportsAccepted, int ReportsDue);

    /// <summary>Pledged (at pledge-date rates) and deposited (the journal's USD) in one year, for the five-year comparison.</summary>
    public sealed record YearLine(int Year, decimal PledgedUsd, decimal DepositedUsd);

    /// <param name="PledgedUsd">Pledges made in the year, at their pledge-date rates.</param>
    /// <param name="ApplicationsReceived">Applications submitted in the year.</param>
    public sealed record Figures(decimal PledgedUsd, decimal ReceivedUsd, decimal DisbursedUsd, decimal PscUsd,
        decimal AvailableAtEndUsd, int Donors, int ApplicationsReceived, int ApplicationsEligible, int ApplicationsApproved,
        decimal PscRate);

    /// <summary>
    /// Cash-basis statement of the year from the journal: opening balance, income, expenditure, closing balance, and the
    /// obligations still open at the year's end. Every figure is a sum of journal entries (reversals included).
    /// </summary>
    public sealed record FinancialStatement(decimal OpeningBalance, decimal Contributions, decimal Refunds, decimal Disbursements,
        decimal Psc, decimal ObligationsRaised, decimal ObligationsLiquidated, decimal ObligationsReleased,
        decimal OpenObligationsAtEnd, decimal OperatingReserveAtEnd, decimal AvailableAtEnd)
    {
        public decimal TotalIncome => Contributions + Refunds;
        public decimal TotalExpenditure => Disbursements + Psc;
        public decimal ClosingBalance => OpeningBalance + TotalIncome - TotalExpenditure;
    }

    public sealed record DonorLine(string Name, string Kind, decimal PledgedUsd, decimal DepositedUsd);

    /// <param name="Trustees">Who held the seat during the year, in order, e.g. "Jane Doe (Kenya), chair".</param>
    public sealed record BoardSeat(string RegionalGroup, IReadOnlyList<string> Trustees);

    /// <summary>A board session and its decisions; filled once board sessions are recorded (the board sessions work).</summary>
    public sealed record BoardSessionLine(DateOnly Date, string Title, int Decisions);

    public sealed record SelectionLine(string RegionalGroup, int Received, int Eligible, int Approved);

    /// <summary>People the applications received plan to assist (targets, not people assisted).</summary>
    public sealed record TargetLine(string Sex, string AgeGroup, string FormOfExploitation, int Count);

    /// <summary>A grant signed in the year.</summary>
    /// <param name="Usd">The obligations the journal raised for it up to the year's end (signature and any increase).</param>
    public sealed record GrantLine(string Reference, string Grantee, string Region, string Country, string Window, decimal Usd,
        string Status);
}

/// <summary>
/// One application as submitted, for the organisation's records and the board pack. Its date is the application's own
/// (submission, or last change of a draft), so downloading it again gives the same bytes until the application changes.
/// </summary>
public sealed record ApplicationSummaryData(string? ReferenceNumber, string Status, DateTimeOffset DocumentDate,
    string CallTitle, string WindowCode, string OrganisationName, string OrganisationCountry, string? RegistrationNumber,
    string? UnppPartnerId, int YearsOfDirectAssistance, string ProjectTitle, string? ImplementationCountry, DateOnly? StartDate,
    DateOnly? EndDate, int? DurationMonths, IReadOnlyList<(string Heading, string Text)> Narrative,
    IReadOnlyList<ApplicationSummaryData.TargetLine> Targets, IReadOnlyList<ApplicationSummaryData.BudgetLine> Budget,
    IReadOnlyList<ApplicationSummaryData.AttachmentLine> Attachments, IReadOnlyList<ApplicationSummaryData.HistoryLine> History,
    string? EligibilityReason, string? SignatoryName, string? SignatoryTitle)
{
    /// <summary>The reader's language (en, fr, es): the document's labels and the names of countries and forms of exploitation.</summary>
    public string Language { get; init; } = "en";

    public sealed record TargetLine(string Sex, string AgeGroup, string FormOfExploitation, int Count);

    public sealed record BudgetLine(string Category, string Description, decimal Amount);

    public sealed record AttachmentLine(string Type, string FileName, long Size, string Sha256);

    public sealed record HistoryLine(string Status, DateTimeOffset At);
}

/// <summary>
/// The minutes of one board session: who sat, and for each application on the agenda the ballot's result and every
/// vote with its time (changes included). Dated by the session's last closed ballot, so a second download is the same file.
/// </summary>
public sealed record BoardMinutesData(string Title, string CallTitle, DateOnly SessionDate, string Format, DateTimeOffset DocumentDate,
    IReadOnlyList<string> Present, IReadOnlyList<BoardMinutesData.Decision> Decisions)
{
    /// <summary>The language the document is issued in (en, fr, es): its texts, dates and amounts.</summary>
    public string Language { get; init; } = "en";

    public sealed record Decision(int Position, string Reference, string Organisation, string Country, decimal RequestedUsd,
        decimal? AverageScore, string Outcome, int Approvals, int Rejections, int Abstentions, bool Consensus, IReadOnlyList<VoteLine> Votes);

    public sealed record VoteLine(string Trustee, string Choice, bool IsChange, DateTimeOffset CastAt);
}
