namespace TrustFund.Application.Messaging;

/// <summary>Picks the text of an e-mail in the recipient's language (English when the language is unknown).</summary>
public static class Languages
{
    public static T Pick<T>(string? language, T english, T french, T spanish) => language switch
    {
        "fr" => french,
        "es" => spanish,
        _ => english,
    };
}
