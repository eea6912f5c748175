namespace TrustFund.Infrastructure.Email;

public sealed class SmtpOptions
{
    /// <summary>When empty, mail is written as .eml files into <see cref="PickupDirectory"/> instead of being sent.</summary>
    public string? Host { get; set; }
    public int Port { get; set; } = 587;
    public string? UserName { get; set; }
    public string? Password { get; set; }
    /// <summary>Auto, StartTls, SslOnConnect or None.</summary>
    public string Security { get; set; } = "Auto";
    public string FromAddress { get; set; } = "no-reply@trustfund.local";
    public string FromName { get; set; } = "UN Trust Fund for Victims of Trafficking";
    public string PickupDirectory { get; set; } = ".local/mail";

    /// <summary>How long one SMTP conversation may wait for the server before the try counts as failed.</summary>
    public int TimeoutSeconds { get; set; } = 30;
}

public sealed class OutboxOptions
{
    /// <summary>Whether this process sends queued mail (the worker does; extra web replicas may not need to).</summary>
    public bool RunDispatcher { get; set; } = true;
    public int PollSeconds { get; set; } = 5;

    /// <summary>Mails claimed at once by one dispatcher.</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a claimed mail is left to its dispatcher before another may take it: longer than a batch can take
    /// (<see cref="BatchSize"/> × the SMTP timeout), so a slow server never gets the same mail from two dispatchers.
    /// </summary>
    public int LeaseSeconds { get; set; } = 900;
}
