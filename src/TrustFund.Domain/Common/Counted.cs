namespace TrustFund.Domain.Common;

/// <summary>
/// A count with its noun, given as a value of a larger text ("registered at least {0} before {1}"): whoever writes the
/// text for a reader takes <see cref="One"/> or <see cref="Other"/> as the reader's language wants for
/// <see cref="Count"/> ("1 year", "0 année", "2 años") and puts the count in as its {0}. Both are catalogue texts.
/// A refusal or a notice is written long after it is raised, in a language not known then, so it carries both forms.
/// </summary>
public sealed record Counted(long Count, string One, string Other)
{
    /// <summary>In English, for a log or an exception's own message: "1 year", "0 years".</summary>
    public override string ToString() => string.Format(System.Globalization.CultureInfo.InvariantCulture, Count == 1 ? One : Other, Count);
}
