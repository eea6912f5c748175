namespace TrustFund.Application.Messaging;

/// <summary>
/// Texts that notices no longer use but notices already stored still name. A notice keeps its subject and body as
/// catalogue keys and is written in its reader's language when read (or when its e-mail leaves the outbox), perhaps
/// long after it was raised; so when a notice's wording changes, the catalogues keep the old text's translations for
/// the notices stored before, or those would read in English. The catalogue test counts a text as used when the source
/// holds it: this list is where they are held, and says why.
/// </summary>
public static class RetiredNoticeTexts
{
    /// <summary>Retired on 7 December 2026, when counts and amounts in notices began to follow the reader's language.</summary>
    public static readonly IReadOnlyList<string> CountsAndAmountsInOneForm =
    [
        "- {0} ({1}): USD {2:N2}, ended {3:d}",
        "- {0} of grant {1} ({2}), due on {3:D}, {4} days overdue",
        "Before the board meets on {0:d}: {1} assessment(s) to complete, {2} ballot(s) awaiting your vote",
        "Report {3} days overdue: {2} ({4})",
        "The board meets on {0:d}, in {3} day(s). You have {1} assessment(s) not yet completed and {2} ballot(s) awaiting your vote.",
        "The secretariat accepted your {3} for grant {0}.\n\nAs a result, instalment {1} (USD {2:N2}) is now a payment request: UNODC will pay it once its finance officers have certified and approved it.",
        "The secretariat accepted your {3} for grant {0}.\n\nAs a result, instalments {1} (USD {2:N2} in all) are now payment requests: UNODC will pay them once its finance officers have certified and approved them.",
        "The {0} of grant {2} ({4}) was due on {1:D} and is {3} days overdue.",
        "UNODC has drawn up grant agreement {0} for your project: USD {1:N2}, from {2:D} to {3:D}. It is ready for signature; you will be told when it is signed and the first instalment is on its way.",
        "UNODC sent instalment {1} of grant {0}, USD {2:N2}, with value date {3:D} (bank reference {4}).",
        "UNODC signed grant agreement {0} for USD {1:N2}. The first instalment is now on its way through the fund's payment steps.",
        "Your {0} for grant {2} is due on {1:D}, in {3} day(s). Submit it in TrustFund before then: instalments are held while a report is overdue.",
        "and {0} more: see TrustFund",
        "{0} grant obligations remain open past their grant's end date, USD {2:N2} in all:\n{3}",
        "{0} unliquidated obligations to review ({1:MMMM yyyy})",
    ];
}
