namespace TrustFund.Domain.Calls;

/// <summary>One criterion of a call's scoring rubric; the weights of a rubric sum to 100 and each is scored 1 to 5.</summary>
public sealed record RubricCriterion(string Name, int Weight)
{
    /// <summary>DOMAIN.md section 6: the UN Partner Portal model's default criteria.</summary>
    public static readonly IReadOnlyList<RubricCriterion> Default =
    [
        new("Relevance to the call's priorities", 20),
        new("Direct assistance to victims", 20),
        new("Organisational capacity and track record", 20),
        new("Budget and value for money", 20),
        new("Sustainability and survivor involvement", 20),
    ];
}
