using ImageRules.Domain;
using Requests = ImageRules.Policy;
using ImageRules.Tests.Support;

namespace ImageRules.Tests.Properties;

/// <summary>An account creates a custom image from its instance (R10–R12).</summary>
/// <param name="Caller">The account.</param>
/// <param name="Region">The instance's region.</param>
/// <param name="Name">The new image's name.</param>
/// <param name="Description">Its description.</param>
/// <param name="Windows">True for a Windows instance, else TencentOS.</param>
public sealed record CreateImage(AccountId Caller, RegionId Region, string Name, string Description, bool Windows) : Operation
{
    private const int SizeGiB = 50;

    private ImageOperatingSystem System => Windows ? Sample.WindowsServer : Sample.TencentOs;

    /// <inheritdoc/>
    public override Outcome RunOn(ServiceUnderTest service, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(service);
        var request = new Requests.CreateImage(Caller, Region, Sample.Instance, Name, Description, System, Architecture.X86_64, SizeGiB);
        return Outcome.Of(ServiceUnderTest.Sync(service.Service.CreateImageAsync(request)), c => Outcome.Made(c.Image.Id, c.Image.Owner, c.Image.Region, c.Image.State));
    }

    /// <inheritdoc/>
    public override Outcome RunOn(ReferenceModel model, Bindings bindings)
    {
        ArgumentNullException.ThrowIfNull(model);
        return model.Create(Caller, Region, Name, Description, System.Family, Architecture.X86_64, SizeGiB);
    }

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Caller} creates {Readable.Text(Name)} in {Region}"
        + (Description.Length > 0 ? $", described {Readable.Text(Description)}" : string.Empty)
        + (Windows ? ", from Windows" : string.Empty);
}
