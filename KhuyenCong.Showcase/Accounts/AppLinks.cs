using KhuyenCong.Showcase.Hosting;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;

namespace KhuyenCong.Showcase.Accounts;

/// <summary>Absolute links for mails and printed codes: the configured public address, else the address the request came to.</summary>
public sealed class AppLinks(NavigationManager navigation, IOptions<ShowcaseOptions> options)
{
    public string Absolute(string pathAndQuery)
    {
        var root = options.Value.BaseUrl is { Length: > 0 } configured ? configured.TrimEnd('/') + "/" : navigation.BaseUri;
        return new Uri(new Uri(root), pathAndQuery.TrimStart('/')).ToString();
    }
}
