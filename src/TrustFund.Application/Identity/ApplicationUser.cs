using Microsoft.AspNetCore.Identity;

namespace TrustFund.Application.Identity;

public sealed class ApplicationUser : IdentityUser<Guid>
{
    public ApplicationUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString();
    }

    public string DisplayName { get; set; } = "";

    /// <summary>en, fr or es: the language of the pages and of every e-mail the person receives.</summary>
    public string PreferredLanguage { get; set; } = "en";

    /// <summary>Set for NGO users: everything they see is limited to this organisation.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>Set for Donor users: they see only this donor's contributions.</summary>
    public Guid? DonorId { get; set; }

    /// <summary>Created by the demo seed; the only accounts a Development-only setting may exempt from 2FA.</summary>
    public bool IsDemoAccount { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
