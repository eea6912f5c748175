namespace TrustFund.Domain.Common;

/// <summary>
/// A business rule was broken. The message is shown to the user as it is, so write it for them. When it carries
/// values (a date, an amount), <see cref="Template"/> and <see cref="Arguments"/> let the page translate the
/// sentence and format the values in the reader's language.
/// </summary>
public class DomainException : Exception
{
    public DomainException(string message) : base(message)
    {
        Template = message;
        Arguments = [];
    }

    public DomainException(string template, params object[] arguments)
        : base(string.Format(System.Globalization.CultureInfo.InvariantCulture, template, arguments))
    {
        Template = template;
        Arguments = arguments;
    }

    public string Template { get; }
    public object[] Arguments { get; }
}
