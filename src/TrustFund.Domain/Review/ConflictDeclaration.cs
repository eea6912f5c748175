using TrustFund.Domain.Common;

namespace TrustFund.Domain.Review;

/// <summary>
/// A reviewer's answer, for one application, to "do you have a conflict of interest?". Declarations are never
/// changed or deleted: a new answer is a new row, and the latest one counts (DOMAIN.md section 6: every
/// declaration is recorded).
/// </summary>
public sealed class ConflictDeclaration : Entity
{
    private ConflictDeclaration() { }

    public ConflictDeclaration(Guid applicationId, Guid reviewerUserId, bool hasConflict, string? note, bool wasPreFlagged, DateTimeOffset now)
    {
        if (hasConflict && string.IsNullOrWhiteSpace(note))
            throw new DomainException("Describe the conflict of interest in a note.");
        ApplicationId = applicationId;
        ReviewerUserId = reviewerUserId;
        HasConflict = hasConflict;
        Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        WasPreFlagged = wasPreFlagged;
        DeclaredAt = now;
    }

    public Guid ApplicationId { get; private set; }
    public Guid ReviewerUserId { get; private set; }
    public bool HasConflict { get; private set; }
    public string? Note { get; private set; }

    /// <summary>Whether the system had flagged a likely conflict when the reviewer answered.</summary>
    public bool WasPreFlagged { get; private set; }
    public DateTimeOffset DeclaredAt { get; private set; }
}

/// <summary>An organisation a reviewer declares a tie with (board member, staff, donor, family): any application from it is pre-flagged.</summary>
public sealed class DeclaredAffiliation : Entity
{
    private DeclaredAffiliation() { }

    public DeclaredAffiliation(Guid reviewerUserId, Guid organisationId, string description, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(description))
            throw new DomainException("Describe the tie with the organisation.");
        ReviewerUserId = reviewerUserId;
        OrganisationId = organisationId;
        Description = description.Trim();
        DeclaredAt = now;
    }

    public Guid ReviewerUserId { get; private set; }
    public Guid OrganisationId { get; private set; }
    public string Description { get; private set; } = "";
    public DateTimeOffset DeclaredAt { get; private set; }
}

public enum ConflictStanding
{
    /// <summary>No answer yet: the reviewer must declare before seeing the application's details.</summary>
    NotDeclared,
    NoConflict,
    Conflicted,
}

/// <summary>Why the system thinks a reviewer may be conflicted on an application.</summary>
public enum LikelyConflict
{
    SameNationality,
    DeclaredAffiliation,
}

/// <summary>The conflict-of-interest rules, kept pure so that every page, query and the vote decide alike.</summary>
public static class ConflictRules
{
    /// <summary>
    /// The likely conflicts the system flags: the reviewer's nationality is the applicant's country, or the reviewer
    /// declared an affiliation with the applicant organisation.
    /// </summary>
    public static IReadOnlyList<LikelyConflict> LikelyConflicts(string? reviewerNationalityIso2, IEnumerable<Guid> affiliatedOrganisations,
        string applicantCountryIso2, Guid applicantOrganisationId)
    {
        var flags = new List<LikelyConflict>();
        if (!string.IsNullOrEmpty(reviewerNationalityIso2) && reviewerNationalityIso2 == applicantCountryIso2)
            flags.Add(LikelyConflict.SameNationality);
        if (affiliatedOrganisations.Contains(applicantOrganisationId))
            flags.Add(LikelyConflict.DeclaredAffiliation);
        return flags;
    }

    /// <summary>The latest declaration (the last of those given, in the order made) decides; without one the reviewer has not answered yet.</summary>
    public static ConflictStanding Standing(IEnumerable<ConflictDeclaration> declarationsInOrder)
    {
        var latest = declarationsInOrder.LastOrDefault();
        return latest is null ? ConflictStanding.NotDeclared : latest.HasConflict ? ConflictStanding.Conflicted : ConflictStanding.NoConflict;
    }

    /// <summary>
    /// May the reviewer see the application's details and the others' scores, score it and vote on it? Only after
    /// explicitly declaring no conflict.
    /// </summary>
    public static bool MayTakePart(ConflictStanding standing) => standing == ConflictStanding.NoConflict;
}
