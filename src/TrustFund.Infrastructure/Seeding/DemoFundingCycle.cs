using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TrustFund.Application.Data;
using TrustFund.Application.Features.Applications;
using TrustFund.Application.Features.Calls;
using TrustFund.Application.Features.Grants;
using TrustFund.Application.Features.Payments;
using TrustFund.Application.Features.Review;
using TrustFund.Application.Features.Sessions;
using TrustFund.Application.Identity;
using TrustFund.Domain.Applications;
using TrustFund.Domain.Board;
using TrustFund.Domain.Calls;
using TrustFund.Domain.Common;
using TrustFund.Domain.Grants;
using TrustFund.Domain.Review;

namespace TrustFund.Infrastructure.Seeding;

/// <summary>
/// A fund that has lived through a funding cycle (Development only): a call that closed some months ago, its
/// applications (eligible, one ineligible), conflict declarations, scores, a board session with votes, the fund
/// manager's awards, three signed grants with their first instalments paid, one grant's interim reports accepted (so
/// its second instalment waits for the finance officers), another's interim report due soon, an earmark allocation;
/// and in the open calls, one draft and one submitted application.
/// <para>
/// Every step goes through the use case the pages use (<see cref="SeedUseCases"/>), at a date counted back from the
/// first seeding, so the journal holds exactly what the app would have written and the dashboard equals the journal.
/// The fund manager's approval is the one exception: the DecideAward use case draws up the agreement through the
/// mediator with today's clock, so the seed approves with the domain method and draws up the agreement itself.
/// </para>
/// <para>
/// Idempotent as a whole: when the past call exists the cycle is skipped (the open calls' applications are looked up
/// on their own). A failure half-way leaves the cycle half-built: delete the development database to start again.
/// </para>
/// </summary>
public sealed class DemoFundingCycle(TrustFundDbContext db, UserManager<ApplicationUser> users, SeedUseCases useCases, TimeProvider clock)
{
    public const string PastCallTitle = "Direct assistance and reintegration of victims of trafficking";

    /// <summary>
    /// The certifying and approving officers of the past payments. Payments need officers with two-factor authentication on
    /// their account (the rule reads the account), and the demo officers have none so that anyone can sign in as them. So
    /// the payments already made were made by these two former officers: real accounts with two-factor on and no password,
    /// so nobody signs in as them. The demo officers (certifying@, approving@) find the next payment waiting for them.
    /// </summary>
    public static readonly (string Email, string Name, string Role)[] FormerOfficers =
    [
        ("former.certifying@trustfund.test", "Paolo Ricci", Roles.CertifyingOfficer),
        ("former.approving@trustfund.test", "Mei Chen", Roles.ApprovingOfficer),
    ];

    private static readonly byte[] DemoDocument = "%PDF-1.4\n% TrustFund demo document: no real content.\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"u8.ToArray();

    private DateTimeOffset _today;
    private CancellationToken _ct;

    public async Task SeedAsync(CancellationToken ct)
    {
        _ct = ct;
        var now = clock.GetUtcNow();
        _today = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        if (!await db.Calls.AnyAsync(c => c.Title.En == PastCallTitle, ct)) await PastCycle();
        await OpenCallActivity(now);
    }

    /// <summary>A moment <paramref name="days"/> days from the first seeding (negative: in the past), at a working hour UTC.</summary>
    private DateTimeOffset Day(int days, int hour = 9) => _today.AddDays(days).AddHours(hour);

    private DateOnly Date(int days) => DateOnly.FromDateTime(_today.AddDays(days).UtcDateTime);

    private Task<T> Run<T>(Mediator.ICommand<T> command, DateTimeOffset at, SeedActor actor) => useCases.Run(command, at, actor, _ct);

    private async Task<SeedActor> Actor(string email)
    {
        var user = await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"Demo account {email} is missing.");
        return new SeedActor(user.Id, user.UserName, user.OrganisationId, (await users.GetRolesAsync(user)).ToList());
    }

    /// <summary>One demo application of the past call: who applies, what, and how it fares.</summary>
    private sealed record PastApplication(string Email, string Project, string Summary, decimal Amount, int StartDay, int EndDay,
        BeneficiaryTarget[] Targets, int[][] Scores, Outcome Outcome);

    private enum Outcome { Awarded, ReserveList, NotSelected, Ineligible }

    private static readonly PastApplication[] Applications =
    [
        new("ngo.colombia@trustfund.test", "Safe shelter and legal accompaniment for survivors in Cali",
            "Round-the-clock shelter, medical and psychological care and legal accompaniment through criminal proceedings for women and adolescent girls referred by the authorities and partner organisations in the Valle del Cauca.",
            48_000m, -170, 130,
            [new(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 30), new(Sex.Female, AgeGroup.Child, "SEXUAL_EXPLOITATION", 14), new(Sex.Male, AgeGroup.Adult, "FORCED_LABOUR", 10)],
            [[5, 5, 5, 4, 4], [5, 4, 5, 4, 5], [4, 5, 5, 4, 4]], Outcome.Awarded),
        new("ngo.senegal@trustfund.test", "Accueil et réinsertion des femmes et filles victimes de la traite à Dakar et Kédougou",
            "Temporary shelter, medical care, psychosocial support and vocational training for women and girls exploited in gold-mining areas and in domestic servitude, with family tracing and safe return.",
            36_000m, -165, 205,
            [new(Sex.Female, AgeGroup.Adult, "DOMESTIC_SERVITUDE", 25), new(Sex.Female, AgeGroup.Child, "FORCED_BEGGING", 20), new(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 15)],
            [[5, 4, 4, 4, 4], [4, 5, 4, 4, 4], [4, 4, 4, 5, 4]], Outcome.Awarded),
        new("ngo.thailand@trustfund.test", "Legal aid and recovery for survivors of forced labour in the fishing industry",
            "Legal representation in compensation claims, medical and psychological care and safe repatriation for migrant fishers from Cambodia and Myanmar identified in Thai ports.",
            42_000m, -50, 480,
            [new(Sex.Male, AgeGroup.Adult, "FORCED_LABOUR", 60), new(Sex.Male, AgeGroup.Child, "FORCED_LABOUR", 5)],
            [[4, 4, 4, 4, 4], [4, 5, 4, 3, 4], [4, 4, 5, 4, 3]], Outcome.Awarded),
        new("ngo.ukraine@trustfund.test", "Crisis shelters for women and children at risk of trafficking after displacement",
            "Emergency shelter, psychological first aid and legal counselling for displaced women and children identified as victims or at high risk of trafficking in western Ukraine.",
            52_000m, -150, 400,
            [new(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 40), new(Sex.Female, AgeGroup.Child, "OTHER", 20)],
            [[4, 4, 3, 3, 4], [4, 3, 4, 3, 4], [3, 4, 4, 4, 3]], Outcome.ReserveList),
        new("ngo.nepal@trustfund.test", "Community reintegration of women returning from exploitation abroad",
            "Peer support groups, skills training and small business grants for women returning to rural districts after forced labour and sexual exploitation abroad.",
            30_000m, -140, 380,
            [new(Sex.Female, AgeGroup.Adult, "FORCED_LABOUR", 35), new(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 15)],
            [[3, 3, 3, 2, 3], [3, 2, 3, 3, 3], [3, 3, 2, 3, 3]], Outcome.NotSelected),
        new("ngo.nigeria@trustfund.test", "Safe return and counselling for young women in Benin City",
            "Reception, counselling and family mediation for young women returning from exploitation in Europe and North Africa.",
            25_000m, -140, 220,
            [new(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 30)], [], Outcome.Ineligible),
    ];

    // What the secretariat writes to the applicants of the past call. Each NGO reads it in the language of its account (the
    // demo's "language" of the NGO's user): the Senegalese NGO in French, the Colombian one in Spanish, the others in English.
    private static readonly LocalizedText Eligible = new(
        "Eligible: registered in the country of implementation, at least two years of direct assistance, PSEA policy and UN Partner Portal ID confirmed.",
        "Admissible\u00A0: enregistrement dans le pays de mise en œuvre, au moins deux ans d’assistance directe, politique de PEAS et identifiant du Portail des partenaires des Nations Unies confirmés.",
        "Admisible: registro en el país de ejecución, al menos dos años de asistencia directa, política de PEAS e identificador del Portal de Asociados de las Naciones Unidas confirmados.");

    private static readonly LocalizedText NotEligible = new(
        "Not eligible: the organisation has one year of direct assistance to victims where this call requires two, and no UN Partner Portal ID. You are welcome to apply to a later call once registered on the Partner Portal.",
        "Non admissible\u00A0: l’organisation compte un an d’assistance directe aux victimes alors que cet appel en exige deux, et n’a pas d’identifiant du Portail des partenaires des Nations Unies. Vous pourrez présenter une demande à un appel ultérieur une fois inscrite sur le Portail des partenaires.",
        "No admisible: la organización tiene un año de asistencia directa a las víctimas cuando esta convocatoria exige dos, y no tiene identificador del Portal de Asociados de las Naciones Unidas. Podrá presentar una solicitud a una convocatoria posterior una vez registrada en el Portal de Asociados.");

    private static readonly LocalizedText Shortlisted = new(
        "Your application is shortlisted for the Board of Trustees' session.",
        "Votre demande est présélectionnée pour la session du Conseil d’administration.",
        "Su solicitud está preseleccionada para la sesión de la Junta de Síndicos.");

    private static readonly LocalizedText OnTheReserveList = new(
        "Your application is on the reserve list: it will be considered if an award falls through.",
        "Votre demande est sur la liste de réserve\u00A0: elle sera examinée si une subvention n’aboutit pas.",
        "Su solicitud está en la lista de reserva: se tendrá en cuenta si una subvención no llega a concretarse.");

    private static readonly LocalizedText NotSelected = new(
        "Your application was not selected this time. The reviewers valued the project's community approach; a clearer budget for direct assistance would strengthen a future application.",
        "Votre demande n’a pas été retenue cette fois-ci. Les évaluateurs ont apprécié l’approche communautaire du projet\u00A0; un budget plus clair pour l’assistance directe renforcerait une prochaine demande.",
        "Su solicitud no fue seleccionada esta vez. Los evaluadores valoraron el enfoque comunitario del proyecto; un presupuesto más claro para la asistencia directa reforzaría una futura solicitud.");

    private async Task<string> LanguageOf(string email) =>
        (await users.FindByEmailAsync(email))?.PreferredLanguage ?? "en";

    /// <summary>
    /// Reviewers per application (by nationality of the trustee): never a trustee from the applicant's country. The trustee
    /// from that country declares the conflict and sits out the scoring and the vote.
    /// </summary>
    private static readonly Dictionary<string, string[]> ReviewersFor = new()
    {
        ["ngo.colombia@trustfund.test"] = ["SN", "JP", "SE"],
        ["ngo.senegal@trustfund.test"] = ["JP", "UA", "CO"],
        ["ngo.thailand@trustfund.test"] = ["SN", "UA", "SE"],
        ["ngo.ukraine@trustfund.test"] = ["SN", "CO", "SE"],
        ["ngo.nepal@trustfund.test"] = ["JP", "UA", "CO"],
    };

    /// <summary>The board's votes on the shortlisted applications, by trustee nationality (a conflicted trustee does not vote).</summary>
    private static readonly Dictionary<string, Dictionary<string, VoteChoice>> Votes = new()
    {
        ["ngo.colombia@trustfund.test"] = new() { ["SN"] = VoteChoice.Approve, ["JP"] = VoteChoice.Approve, ["UA"] = VoteChoice.Approve, ["SE"] = VoteChoice.Approve },
        ["ngo.senegal@trustfund.test"] = new() { ["JP"] = VoteChoice.Approve, ["UA"] = VoteChoice.Approve, ["CO"] = VoteChoice.Approve, ["SE"] = VoteChoice.Abstain },
        ["ngo.thailand@trustfund.test"] = new() { ["SN"] = VoteChoice.Approve, ["JP"] = VoteChoice.Approve, ["UA"] = VoteChoice.Reject, ["CO"] = VoteChoice.Approve, ["SE"] = VoteChoice.Approve },
    };

    private async Task PastCycle()
    {
        var manager = await Actor("fundmanager@trustfund.test");
        var trustees = await db.TrusteeAppointments.AsNoTracking().ToListAsync(_ct);
        var trusteeActors = new Dictionary<string, SeedActor>();
        // The trustees serving through the review and the session (all five when the demo is seeded in 2026-27, the
        // appointments' fixed dates being then); a trustee whose term had ended simply takes no part.
        foreach (var t in trustees.Where(t => t.IsServingOn(Date(-228)) && t.IsServingOn(Date(-195))))
            trusteeActors[t.NationalityIso2] = await Actor((await users.FindByIdAsync(t.TrusteeUserId.ToString()))!.Email!);

        // The call: published ten months ago, closed eight months ago.
        var form = new CallForm
        {
            TitleEn = PastCallTitle,
            TitleFr = "Assistance directe et réinsertion des victimes de la traite",
            TitleEs = "Asistencia directa y reintegración de las víctimas de la trata",
            DescriptionEn = "Grants of USD 20,000 to 60,000 for up to 24 months for NGOs giving shelter, medical, psychological and legal assistance to victims of trafficking in persons and supporting their reintegration.",
            DescriptionFr = "Subventions de 20 000 à 60 000 USD sur 24 mois au plus pour les ONG qui offrent hébergement, soins médicaux et psychologiques et aide juridique aux victimes de la traite et soutiennent leur réinsertion.",
            DescriptionEs = "Subvenciones de 20.000 a 60.000 USD por un máximo de 24 meses para ONG que brindan alojamiento y asistencia médica, psicológica y jurídica a las víctimas de la trata y apoyan su reintegración.",
            Window = FundingWindow.MediumTerm, Envelope = 150_000m, MinGrant = 20_000m, MaxGrant = 60_000m, MaxDurationMonths = 24,
            DeadlineLocal = Day(-240, 0).Date.AddHours(23).AddMinutes(59), QuestionDeadlineLocal = Day(-255, 0).Date.AddHours(23).AddMinutes(59),
            TimeZoneId = "Europe/Vienna",
            PriorityThemesEn = "Women and children; survivors of forced labour; regions with few services.",
            MinYearsRegistered = 1, MinYearsOfAssistance = 2,
        };
        var call = await Run(new CreateCall.Command(form), Day(-300), manager);
        await Run(new PublishCall.Command(call.Id), Day(-300, 10), manager);

        // The NGOs apply and submit before the deadline.
        var ids = new Dictionary<string, Guid>();
        for (var i = 0; i < Applications.Length; i++)
        {
            var a = Applications[i];
            var ngo = await Actor(a.Email);
            var id = await Run(new StartApplication.Command(call.Id), Day(-285 + i), ngo);
            await FillApplication(id, a, ngo, Day(-275 + i));
            await Run(new SubmitApplication.Command(id), Day(-250 + i, 14), ngo);
            ids[a.Email] = id;
        }
        await Run(new CloseDueCalls.Command(), Day(-239, 0), SeedActor.System);

        // Eligibility: the secretariat confirms the automatic checks, writing to each NGO in the language it reads.
        foreach (var a in Applications)
            await Run(new DecideEligibility.Command(ids[a.Email], a.Outcome != Outcome.Ineligible,
                    (a.Outcome == Outcome.Ineligible ? NotEligible : Eligible).For(await LanguageOf(a.Email))),
                Day(-233), manager);
        await Run(new MoveCallAlong.Command(call.Id, MoveCallAlong.Step.StartReview), Day(-230), manager);

        // Review: conflict declarations first, then three reviewers per application, scoring against the call's rubric.
        var reviewed = Applications.Where(a => a.Outcome != Outcome.Ineligible).ToList();
        var countryOf = reviewed.ToDictionary(a => a.Email, a => CountryOf(a.Email));
        List<string> ReviewersOf(PastApplication a) => ReviewersFor[a.Email].Where(trusteeActors.ContainsKey).ToList();
        foreach (var a in reviewed)
            foreach (var nationality in ReviewersOf(a))
                await Run(new AssignReviewer.Command(ids[a.Email], trusteeActors[nationality].UserId!.Value), Day(-228), manager);
        foreach (var a in reviewed)
            foreach (var (nationality, trustee) in trusteeActors)
            {
                var conflicted = nationality == countryOf[a.Email];
                await Run(new DeclareConflict.Command(ids[a.Email], conflicted,
                    conflicted ? "I am a national of the country where this organisation works and know its board." : null), Day(-226), trustee);
            }
        var rubric = (await db.Calls.AsNoTracking().SingleAsync(c => c.Id == call.Id, _ct)).Rubric;
        foreach (var a in reviewed)
            for (var r = 0; r < ReviewersOf(a).Count; r++)
            {
                var scores = rubric.Select((c, k) => new CriterionScore(c.Name, a.Scores[r][k], null)).ToList();
                await Run(new SaveAssessment.Command(ids[a.Email], scores, Complete: true), Day(-220 + r), trusteeActors[ReviewersOf(a)[r]]);
            }

        // Selection, with the message each applicant reads, in its language.
        foreach (var a in reviewed)
        {
            var (selection, message) = a.Outcome switch
            {
                Outcome.Awarded => (Selection.Shortlist, Shortlisted),
                Outcome.ReserveList => (Selection.ReserveList, OnTheReserveList),
                _ => (Selection.NotSelected, NotSelected),
            };
            await Run(new DecideSelection.Command(ids[a.Email], selection, message.For(await LanguageOf(a.Email))), Day(-205), manager);
        }

        // The board session: every serving trustee present; votes, then the ballots closed.
        var sessionId = await Run(new CreateBoardSession.Command(call.Id, Date(-195), SessionFormat.InPerson,
            trusteeActors.Values.Select(t => t.UserId!.Value).ToList()), Day(-200), manager);
        var ballots = await db.SessionBallots.AsNoTracking().Where(b => b.SessionId == sessionId).ToListAsync(_ct);
        foreach (var ballot in ballots)
        {
            var email = ids.Single(x => x.Value == ballot.ApplicationId).Key;
            var minute = 0;
            foreach (var (nationality, choice) in Votes[email].Where(v => trusteeActors.ContainsKey(v.Key)))
                await Run(new CastVote.Command(ballot.Id, choice), Day(-195, 10).AddMinutes(20 * ballot.Position + minute++), trusteeActors[nationality]);
            await Run(new CloseBallot.Command(ballot.Id), Day(-195, 12).AddMinutes(ballot.Position), manager);
        }

        // The fund manager approves the recommended awards on behalf of the Secretary-General; the agreements are drawn up.
        var grants = new Dictionary<string, Guid>();
        foreach (var a in Applications.Where(a => a.Outcome == Outcome.Awarded))
        {
            await useCases.InScope(async services =>
            {
                var scoped = services.GetRequiredService<TrustFundDbContext>();
                var application = await scoped.Applications.SingleAsync(x => x.Id == ids[a.Email], _ct);
                application.Approve(a.Amount, null, Day(-190), manager.UserName);
                await scoped.SaveChangesAsync(_ct);
            });
            grants[a.Email] = await Run(new CreateGrantAgreement.Command(ids[a.Email]), Day(-188), manager);
        }
        await Run(new MoveCallAlong.Command(call.Id, MoveCallAlong.Step.MarkDecided), Day(-188, 10), manager);

        // Signing raises the obligations (the fund's cash, from the demo receipts, covers them) and requests the first instalments,
        // which the former officers certify, approve and pay.
        var (certifier, approver) = await FormerOfficerActors();
        var signing = new (string Email, int Day)[] { ("ngo.colombia@trustfund.test", -175), ("ngo.senegal@trustfund.test", -170), ("ngo.thailand@trustfund.test", -58) };
        foreach (var (email, day) in signing)
        {
            await Run(new SignGrantAgreement.Command(grants[email]), Day(day), manager);
            var payment = await db.GrantPayments.AsNoTracking().SingleAsync(p => p.GrantId == grants[email] && p.InstalmentNumber == 1, _ct);
            await Run(new CertifyPayment.Command(payment.Id), Day(day + 2), certifier);
            await Run(new ApprovePayment.Command(payment.Id), Day(day + 3), approver);
            await Run(new DisbursePayment.Command(payment.Id, Date(day + 5), $"DEMO-TT-{CountryOf(email)}-1"), Day(day + 5), approver);
        }

        // Casa de Acogida Esperanza hands in its interim reports, which are accepted: its second instalment becomes a payment request.
        var colombia = await Actor("ngo.colombia@trustfund.test");
        var reports = await db.GrantReports.AsNoTracking().Where(r => r.GrantId == grants["ngo.colombia@trustfund.test"] && r.Kind != GrantReportKind.FinalNarrative
            && r.Kind != GrantReportKind.FinalFinancial).ToListAsync(_ct);
        var budget = (await db.GrantAgreements.AsNoTracking().SingleAsync(g => g.Id == grants["ngo.colombia@trustfund.test"], _ct)).Budget;
        foreach (var report in reports.OrderBy(r => r.Kind))
        {
            var draft = report.IsNarrative
                ? new SaveGrantReportDraft.Command(report.Id, null, ColombiaInterimNarrative, null)
                : new SaveGrantReportDraft.Command(report.Id, null, null, new FinancialReport(budget.Select(l =>
                    new ExpenditureLine(l.Category, l.Description, l.Amount, decimal.Round(l.Amount * 0.48m, 2),
                        "Interim report: the first half of the project period.")).ToList()));
            await Run(draft, Day(-26), colombia);
            await Run(new SubmitGrantReport.Command(report.Id), Day(-24), colombia);
            await Run(new AcceptGrantReport.Command(report.Id), Day(-12), manager);
        }

        // Association Solidarité Femmes Sahel has started its interim narrative report, due in about three weeks.
        var senegal = await Actor("ngo.senegal@trustfund.test");
        var due = await db.GrantReports.AsNoTracking()
            .SingleAsync(r => r.GrantId == grants["ngo.senegal@trustfund.test"] && r.Kind == GrantReportKind.InterimNarrative, _ct);
        await Run(new SaveGrantReportDraft.Command(due.Id, null, new NarrativeReport(
            [new("Female", 38)], [new("Child", 14), new("Adult", 24)], [], [], [new("SHELTER", 21)],
            "Shelter opened in Kédougou in the second month; vocational training starts next quarter.", "", []), null), Day(-3, 16), senegal);

        // Freedom Fund Foundation's contribution for child victims pays for part of the Colombian grant (children are a third of its caseload).
        var earmarked = await db.Pledges.AsNoTracking().Where(p => p.IsEarmarked).OrderBy(p => p.PledgedOn).Select(p => (Guid?)p.Id).FirstOrDefaultAsync(_ct);
        if (earmarked is { } pledgeId)
            await Run(new AllocateEarmarkedFunds.Command(grants["ngo.colombia@trustfund.test"], pledgeId, 15_000m), Day(-1), manager);
    }

    /// <summary>What Casa de Acogida Esperanza reports at mid-term: counts only, and stories that identify nobody.</summary>
    private static readonly NarrativeReport ColombiaInterimNarrative = new(
        BySex: [new("Female", 41), new("Male", 9)],
        ByAgeGroup: [new("Child", 16), new("Adult", 34)],
        ByNationality: [new("CO", 37), new("VE", 11), new("EC", 2)],
        ByForm: [new("SEXUAL_EXPLOITATION", 33), new("FORCED_LABOUR", 12), new("DOMESTIC_SERVITUDE", 5)],
        ByAssistance: [new("SHELTER", 36), new("MEDICAL", 31), new("PSYCHOLOGICAL", 50), new("LEGAL_AID", 24), new("EDUCATION_VOCATIONAL_TRAINING", 15)],
        Activities: "The shelter worked at full capacity from the second month. Fifty survivors received psychological care; 24 were accompanied in criminal proceedings, of which 6 reached trial. Two vocational courses (bakery, beauty care) were completed by 15 survivors.",
        Challenges: "Referrals from the border rose faster than planned; three places were added by agreement with the municipality. Court hearings were postponed several times.",
        CaseStories:
        [
            "An adolescent girl referred by the child protection authority stayed in the shelter for four months, went back to school and now lives with a relative under the authority's supervision.",
            "A woman exploited in a bar for two years testified with the support of our lawyer; the case is at trial and she has started a small catering business.",
        ]);

    private async Task FillApplication(Guid id, PastApplication a, SeedActor ngo, DateTimeOffset at)
    {
        var version = await db.Applications.AsNoTracking().Where(x => x.Id == id).Select(x => EF.Property<uint>(x, "xmin")).SingleAsync(_ct);
        var signatory = (await users.FindByEmailAsync(a.Email))?.DisplayName ?? a.Email;
        var office = decimal.Round(a.Amount * 0.05m, 2);
        var personnel = decimal.Round(a.Amount * 0.30m, 2);
        await Run(new SaveDraft.Command(id, version)
        {
            Project = new ProjectSection
            {
                Title = a.Project, ImplementationCountryIso2 = CountryOf(a.Email), Context = a.Summary,
                Objectives = "Identify, shelter and assist victims of trafficking; support their recovery, access to justice and reintegration.",
                Activities = a.Summary, WorkPlan = "Months 1-2: set-up and referral agreements. Then continuous assistance, quarterly case reviews, final evaluation.",
                Risks = "Security of survivors and staff; delays in referrals and court proceedings.",
                SurvivorInvolvement = "A survivors' advisory group reviews the services every quarter.",
                StartDate = Date(a.StartDay), EndDate = Date(a.EndDay),
            },
            Beneficiaries = a.Targets,
            Budget =
            [
                new BudgetLine(BudgetCategory.Personnel, "Social workers, psychologist and lawyer (part time)", personnel),
                new BudgetLine(BudgetCategory.DirectAssistance, "Shelter, food, medical care and transport for survivors", a.Amount - personnel - office),
                new BudgetLine(BudgetCategory.OfficeRunningCosts, "Share of office rent and utilities", office),
            ],
            Declaration = new PartnerDeclaration { Accepted = true, SignatoryName = signatory, SignatoryTitle = "Director" },
        }, at, ngo);
        foreach (var type in new[] { DocumentType.RegistrationCertificate, DocumentType.AuditedFinancialStatements, DocumentType.ReferenceLetter1, DocumentType.ReferenceLetter2 })
            await Run(new UploadAttachment.Command(id, type, $"{type}.pdf", DemoDocument), at.AddMinutes(10), ngo);
    }

    private static string CountryOf(string email) => email switch
    {
        "ngo.colombia@trustfund.test" => "CO",
        "ngo.senegal@trustfund.test" => "SN",
        "ngo.thailand@trustfund.test" => "TH",
        "ngo.ukraine@trustfund.test" => "UA",
        "ngo.nepal@trustfund.test" => "NP",
        "ngo.nigeria@trustfund.test" => "NG",
        _ => throw new ArgumentOutOfRangeException(nameof(email)),
    };

    private async Task<(SeedActor Certifier, SeedActor Approver)> FormerOfficerActors()
    {
        foreach (var (email, name, role) in FormerOfficers)
        {
            if (await users.FindByEmailAsync(email) is not null) continue;
            var user = new ApplicationUser
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, PreferredLanguage = "en",
                CreatedAt = Day(-400),
            };
            IdentityFailure.ThrowIfFailed(await users.CreateAsync(user)); // no password: nobody signs in as a former officer
            IdentityFailure.ThrowIfFailed(await users.AddToRoleAsync(user, role));
            await users.ResetAuthenticatorKeyAsync(user);
            IdentityFailure.ThrowIfFailed(await users.SetTwoFactorEnabledAsync(user, true));
        }
        return (await Actor(FormerOfficers[0].Email), await Actor(FormerOfficers[1].Email));
    }

    /// <summary>
    /// In the calls open now: Mekong Freedom Legal Aid Centre's half-filled draft, and the Ukrainian network's submitted
    /// application (it was on the reserve list of the past call). Each looked up first; skipped once a call has closed.
    /// </summary>
    private async Task OpenCallActivity(DateTimeOffset now)
    {
        var open = await db.Calls.AsNoTracking().Where(c => c.Status == CallStatus.Published && c.Deadline > now).ToListAsync(_ct);
        var medium = open.Where(c => c.Window == FundingWindow.MediumTerm).OrderBy(c => c.Deadline).FirstOrDefault();
        var shortTerm = open.Where(c => c.Window == FundingWindow.ShortTerm).OrderBy(c => c.Deadline).FirstOrDefault();

        var thailand = await Actor("ngo.thailand@trustfund.test");
        if (medium is not null && !await db.Applications.AnyAsync(a => a.CallId == medium.Id && a.OrganisationId == thailand.OrganisationId, _ct))
        {
            var id = await Run(new StartApplication.Command(medium.Id), now.AddMinutes(-50), thailand);
            var version = await db.Applications.AsNoTracking().Where(x => x.Id == id).Select(x => EF.Property<uint>(x, "xmin")).SingleAsync(_ct);
            var start = DateOnly.FromDateTime(medium.Deadline.UtcDateTime).AddMonths(3);
            await Run(new SaveDraft.Command(id, version)
            {
                Project = new ProjectSection
                {
                    Title = "Reintegration of survivors of forced labour in Songkhla and Ranong", ImplementationCountryIso2 = "TH",
                    Context = "Survivors identified in the fishing industry return to their communities without income or support.",
                    Objectives = "Help survivors find decent work and stay safe from re-trafficking.",
                    StartDate = start, EndDate = start.AddMonths(18).AddDays(-1),
                },
                Beneficiaries = [new BeneficiaryTarget(Sex.Male, AgeGroup.Adult, "FORCED_LABOUR", 45)],
            }, now.AddMinutes(-45), thailand);
        }

        var ukraine = await Actor("ngo.ukraine@trustfund.test");
        if (shortTerm is not null && !await db.Applications.AnyAsync(a => a.CallId == shortTerm.Id && a.OrganisationId == ukraine.OrganisationId, _ct))
        {
            var id = await Run(new StartApplication.Command(shortTerm.Id), now.AddMinutes(-40), ukraine);
            await FillApplication(id, new PastApplication(ukraine.UserName!, "Emergency shelter for women and children fleeing exploitation in Lviv",
                "Three months of emergency shelter, medical care and legal counselling for women and children identified as victims of trafficking among displaced people.",
                18_000m, 45, 45 + 240, [new(Sex.Female, AgeGroup.Adult, "SEXUAL_EXPLOITATION", 18), new(Sex.Female, AgeGroup.Child, "OTHER", 9)], [], Outcome.Awarded),
                ukraine, now.AddMinutes(-35));
            await Run(new SubmitApplication.Command(id), now.AddMinutes(-5), ukraine);
        }
    }
}
