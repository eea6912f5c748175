namespace TrustFund.Application.Abstractions;

/// <summary>
/// The address people reach TrustFund at (<c>App:PublicBaseUrl</c>). Every link that leaves the site in an e-mail is
/// built from it and never from the request: a Host header is whatever the sender typed, so a reset link built from
/// it would carry a valid token to the sender's own site. Jobs, which have no request, build the same absolute links.
/// </summary>
public sealed class PublicSite
{
    public PublicSite(string baseUrl)
    {
        if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
            || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment) || !string.IsNullOrEmpty(uri.UserInfo))
            throw new ArgumentException(
                $"App:PublicBaseUrl must be an absolute http(s) address without query or fragment, such as https://trustfund.example.org (it is '{baseUrl}').",
                nameof(baseUrl));
        BaseUrl = uri.GetLeftPart(UriPartial.Path).TrimEnd('/');
    }

    /// <summary>Scheme, host and any path prefix, without the final slash.</summary>
    public string BaseUrl { get; }

    /// <summary>The absolute address of a page of the site, given its path from the root ("/account/reset-password?...").</summary>
    public string Link(string path) => BaseUrl + "/" + path.TrimStart('/');
}
