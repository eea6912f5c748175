using System.IO.Compression;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mediator;
using Microsoft.EntityFrameworkCore;
using TrustFund.Application.Authorization;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Finance;
using TrustFund.Application.Identity;
using TrustFund.Application.Reports;
using TrustFund.Domain.Grants;

namespace TrustFund.Application.Features.AuditorDossiers;

/// <summary>
/// Builds a requested dossier (the background job's command): one ZIP with the application summary PDF and every
/// attachment, the assessments and conflict declarations, the board's ballot and votes on the application, the award
/// decision, the agreement with its amendments, every payment with who requested, certified, approved and disbursed
/// it and when, the grant's journal entries and the grantee reports with their acceptance; and manifest.json listing
/// every file with its size and SHA-256. Nothing in it depends on when it is built (fixed entry times, sorted entries,
/// no build date), so the same grant gives the same bytes twice and an auditor can compare two copies by their hash.
/// Safe to run twice: a dossier already complete is left as it is.
/// </summary>
public static class BuildAuditorDossier
{
    [Authorize(Roles.System)]
    public sealed record Command(Guid DossierId) : ICommand<Unit>;

    /// <summary>The time written on every ZIP entry: the ZIP format's earliest, so that no entry carries the build time.</summary>
    private static readonly DateTimeOffset EntryTime = new(1980, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public sealed class Handler(TrustFundDbContext db, TimeProvider clock, IReportRenderer renderer, IDocumentText text)
        : ICommandHandler<Command, Unit>
    {
        public async ValueTask<Unit> Handle(Command command, CancellationToken ct)
        {
            var dossier = await db.AuditorDossiers.SingleOrDefaultAsync(d => d.Id == command.DossierId, ct)
                ?? throw new NotFoundException("auditor's dossier", command.DossierId);
            if (dossier.Status == DossierStatus.Ready) return Unit.Value;
            try
            {
                var (name, zip) = await BuildAsync(dossier, ct);
                dossier.Complete(name, zip, clock.GetUtcNow());
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                dossier.Fail(failure.Message, clock.GetUtcNow());
                await db.SaveChangesAsync(ct);
                throw;
            }
            // The row's change (its SHA-256 included) is written to the audit trail with it.
            await db.SaveChangesAsync(ct);
            return Unit.Value;
        }

        private async Task Progress(AuditorDossier dossier, int percent, CancellationToken ct)
        {
            dossier.ReportProgress(percent);
            await db.SaveChangesAsync(ct);
        }

        private async Task<(string Name, byte[] Zip)> BuildAsync(AuditorDossier dossier, CancellationToken ct)
        {
            var files = new SortedDictionary<string, byte[]>(StringComparer.Ordinal);
            void AddJson(string path, object content) => files[path] = JsonSerializer.SerializeToUtf8Bytes(content, Json);

            var grant = await db.GrantAgreements.AsNoTracking().Include(g => g.Reports).SingleAsync(g => g.Id == dossier.GrantId, ct);
            var application = await db.Applications.AsNoTracking().SingleAsync(a => a.Id == grant.ApplicationId, ct);
            var people = await db.Users.AsNoTracking().ToDictionaryAsync(u => u.Id, u => u.DisplayName, ct);
            string Person(Guid id) => people.GetValueOrDefault(id, id.ToString());
            await Progress(dossier, 5, ct);

            files["01-application/summary.pdf"] = renderer.RenderApplicationSummary(
                await GetApplicationSummaryPdf.Summary(db, application, "en", text, ct));
            var attachments = await db.Attachments.AsNoTracking().Where(a => a.ApplicationId == application.Id)
                .OrderBy(a => a.Type).ThenBy(a => a.UploadedAt).ThenBy(a => a.Id).ToListAsync(ct);
            for (var i = 0; i < attachments.Count; i++)
            {
                var attachment = attachments[i];
                files[$"01-application/attachments/{i + 1:00}-{attachment.Type}-{SafeName(attachment.FileName)}"] = attachment.Content;
                await Progress(dossier, 5 + 45 * (i + 1) / attachments.Count, ct);
            }

            var assessments = await db.Assessments.AsNoTracking().Where(a => a.ApplicationId == application.Id).ToListAsync(ct);
            AddJson("02-review/assessments.json", assessments.OrderBy(a => Person(a.ReviewerUserId), StringComparer.Ordinal).Select(a => new
            {
                Reviewer = Person(a.ReviewerUserId), a.Scores, a.CompletedAt, a.Reopenings,
            }));
            var declarations = await db.ConflictDeclarations.AsNoTracking().Where(d => d.ApplicationId == application.Id).ToListAsync(ct);
            AddJson("02-review/conflict-declarations.json", declarations.OrderBy(d => d.DeclaredAt).ThenBy(d => Person(d.ReviewerUserId), StringComparer.Ordinal)
                .Select(d => new { Trustee = Person(d.ReviewerUserId), d.HasConflict, d.WasPreFlagged, d.Note, d.DeclaredAt }));

            var ballots = await db.SessionBallots.AsNoTracking().Where(b => b.ApplicationId == application.Id).ToListAsync(ct);
            var ballotIds = ballots.Select(b => b.Id).ToList();
            var sessionIds = ballots.Select(b => b.SessionId).ToList();
            var sessions = await db.BoardSessions.AsNoTracking().Where(s => sessionIds.Contains(s.Id)).ToDictionaryAsync(s => s.Id, ct);
            var votes = await db.BoardVotes.AsNoTracking().Where(v => ballotIds.Contains(v.BallotId)).ToListAsync(ct);
            AddJson("03-board/minutes-extract-and-votes.json", ballots.OrderBy(b => sessions[b.SessionId].Date).Select(b => new
            {
                Session = sessions[b.SessionId].Date, Format = sessions[b.SessionId].Format.ToString(),
                Present = sessions[b.SessionId].PresentTrusteeIds.Select(Person).Order(StringComparer.Ordinal),
                b.Position, Outcome = b.Outcome?.ToString(), b.Approvals, b.Rejections, b.Abstentions, b.Eligible, b.IsConsensus, b.ClosedAt,
                Votes = votes.Where(v => v.BallotId == b.Id).OrderBy(v => v.CastAt).ThenBy(v => Person(v.TrusteeUserId), StringComparer.Ordinal)
                    .Select(v => new { Trustee = Person(v.TrusteeUserId), Choice = v.Choice.ToString(), v.IsChange, v.CastAt }),
            }));
            AddJson("04-award/decision.json", new
            {
                application.ReferenceNumber, Status = application.Status.ToString(), application.ApprovedAmount, application.OutcomeMessage,
                History = application.History.Select(h => new { Status = h.Status.ToString(), h.At, h.By, h.Note }),
            });
            await Progress(dossier, 60, ct);

            AddJson("05-agreement/agreement.json", new
            {
                grant.ReferenceNumber, grant.Grantee, Status = grant.Status.ToString(), AmountUsd = grant.Amount, grant.StartDate, grant.EndDate,
                grant.Budget, grant.Instalments, grant.SignedAt, grant.SignedBy, grant.ReportedExpenditure, grant.RefundDue,
                grant.RefundReceivedOn, grant.RefundBankReference, grant.ClosedAt, grant.WithholdImplementerName,
            });
            AddJson("05-agreement/amendments.json", grant.Amendments);
            var payments = await db.GrantPayments.AsNoTracking().Where(p => p.GrantId == grant.Id).OrderBy(p => p.InstalmentNumber).ToListAsync(ct);
            AddJson("06-payments/payments.json", payments.Select(p => new
            {
                p.InstalmentNumber, AmountUsd = p.Amount, Status = p.Status.ToString(),
                Requested = new { By = p.RequestedBy, At = p.RequestedAt },
                Certified = p.CertifiedAt is null ? null : new { By = p.CertifiedBy, At = p.CertifiedAt },
                Approved = p.ApprovedAt is null ? null : new { By = p.ApprovedBy, At = p.ApprovedAt },
                Disbursed = p.DisbursedAt is null ? null : new { By = p.DisbursedBy, At = p.DisbursedAt, p.ValueDate, p.BankReference },
            }));
            var journal = await db.JournalEntries.AsNoTracking()
                .Where(j => j.DocumentType == GrantAgreement.DocumentType && j.DocumentId == grant.Id).OrderBy(j => j.Id).ToListAsync(ct);
            files["07-journal/journal-entries.csv"] = CsvExport.Build("journal-entries.csv",
                ["entry", "value_date", "event", "reverses_entry", "amount", "currency", "rate", "usd_amount", "document", "recorded_by", "recorded_at", "reason"],
                journal.Select(j => (IReadOnlyList<object?>)[j.Id, j.ValueDate, j.EventType.ToString(), j.ReversedEntryId, j.Amount, j.Currency, j.Rate,
                    j.UsdAmount, j.DocumentReference, j.RecordedBy, j.RecordedAt, j.Reason])).Content;
            AddJson("08-reports/reports.json", grant.Reports.OrderBy(r => r.DueOn).ThenBy(r => r.Kind).Select(r => new
            {
                Kind = r.Kind.ToString(), r.DueOn, Status = r.Status.ToString(), r.SubmittedAt, r.AcceptedAt, r.AcceptedBy, r.SentBackComment,
                r.Narrative, r.Financial,
            }));
            await Progress(dossier, 90, ct);

            var balance = await db.GrantBalanceAsync(grant.Id, ct);
            files["manifest.json"] = JsonSerializer.SerializeToUtf8Bytes(new
            {
                Grant = grant.ReferenceNumber,
                Application = application.ReferenceNumber,
                // The grant's money as the journal sums it, for the auditor to compare with the entries in 07-journal.
                Journal = new { balance.Obligated, balance.Disbursed, balance.Psc, balance.Refunded, balance.Released, balance.OpenObligation },
                Files = files.Select(f => new { Path = f.Key, Size = f.Value.Length, Sha256 = Convert.ToHexStringLower(SHA256.HashData(f.Value)) }),
            }, Json);

            return ($"auditor-dossier-{grant.ReferenceNumber}.zip", Zip(files));
        }
    }

    /// <summary>Entries in path order with one fixed time: the same files always give the same ZIP.</summary>
    public static byte[] Zip(IReadOnlyDictionary<string, byte[]> files)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true, entryNameEncoding: Encoding.UTF8))
            foreach (var (path, content) in files.OrderBy(f => f.Key, StringComparer.Ordinal))
            {
                var entry = zip.CreateEntry(path, CompressionLevel.Optimal);
                entry.LastWriteTime = EntryTime;
                using var writer = entry.Open();
                writer.Write(content);
            }
        return stream.ToArray();
    }

    /// <summary>An uploaded file's name, kept readable but stripped of anything that could climb out of the folder when unzipped.</summary>
    private static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        var safe = new string(name.Select(c => char.IsLetterOrDigit(c) || c is '.' or '-' or '_' ? c : '_').ToArray()).TrimStart('.');
        return safe.Length == 0 ? "file" : safe[..Math.Min(safe.Length, 100)];
    }
}
