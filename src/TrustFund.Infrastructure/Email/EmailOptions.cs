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
}

public sealed class OutboxOptions
{
    /// <summary>Whether this process sends queued mail (the worker does; extra web replicas may not need to).</summary>
    public bool RunDispatcher { get; set; } = true;
    public int PollSeconds { get; set; } = 5;
    public int MaxAttempts { get; set; } = 10;
}
