using TrustFund.Application.Features.Notifications;

namespace TrustFund.Infrastructure.Jobs;

/// <summary>The daily reminder jobs. Each runs every day and decides from the date whether there is anything to say.</summary>
public sealed class NotificationJobs(SystemSender system)
{
    public const string TermsEndingId = "notify-terms-ending";
    public const string UnoreMissingId = "notify-unore-missing";
    public const string ReportDeadlinesId = "keep-report-deadlines";
    public const string UnliquidatedId = "notify-unliquidated-obligations";
    public const string ReviewersAndVotersId = "remind-reviewers-and-voters";

    public async Task TermsEnding(CancellationToken ct) => await system.Send(new NotifyTermsEnding.Command(), ct);
    public async Task UnoreMissing(CancellationToken ct) => await system.Send(new NotifyMissingUnoreTable.Command(), ct);
    public async Task ReportDeadlines(CancellationToken ct) => await system.Send(new KeepReportDeadlines.Command(), ct);
    public async Task Unliquidated(CancellationToken ct) => await system.Send(new NotifyUnliquidatedObligations.Command(), ct);
    public async Task ReviewersAndVoters(CancellationToken ct) => await system.Send(new RemindReviewersAndVoters.Command(), ct);
}
