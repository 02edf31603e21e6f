using AssetTrace.Mail;
using AssetTrace.Mail.Receiving;

namespace AssetTrace.UnitTests.Mail;

public sealed class AttachmentPolicyTests
{
    private readonly AttachmentPolicy _policy = new(new InboundOptions { MaxAttachmentBytes = 100 });

    [Theory]
    [InlineData("application/pdf", "%PDF-1.7")]
    [InlineData("text/plain", "plain words")]
    [InlineData("image/png", "\u0089PNG\r\n\u001a\n")]
    [InlineData("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "PK\u0003\u0004")]
    [InlineData("APPLICATION/PDF", "%PDF-1.4")]
    public void Accepted_types_with_matching_content_are_kept(string type, string content) =>
        Assert.Null(_policy.Check(type, Latin1(content)));

    [Theory]
    [InlineData("application/pdf", "MZ\u0090\u0000", "executable")]
    [InlineData("text/plain", "\u007fELF", "executable")]
    [InlineData("application/pdf", "<html>", "is not a PDF")]
    [InlineData("image/jpeg", "GIF89a", "is not a JPEG image")]
    [InlineData("application/x-msdownload", "anything", "is not accepted")]
    [InlineData("application/javascript", "alert(1)", "is not accepted")]
    public void Other_attachments_are_refused_with_the_reason(string type, string content, string reason) =>
        Assert.Contains(reason, _policy.Check(type, Latin1(content)), StringComparison.Ordinal);

    [Fact]
    public void Size_is_checked_first()
    {
        var reason = _policy.Check("application/pdf", [.. Latin1("%PDF-"), .. new byte[200]]);
        Assert.Equal("larger than the limit of 100 bytes (205 bytes)", reason);
    }

    [Fact]
    public void A_configured_list_replaces_the_default_and_takes_wildcards()
    {
        var policy = new AttachmentPolicy(new InboundOptions { AllowedContentTypes = ["image/*"] });
        Assert.Null(policy.Check("image/webp", Latin1("RIFF")));
        Assert.NotNull(policy.Check("application/pdf", Latin1("%PDF-1.7")));
    }

    private static byte[] Latin1(string text) => System.Text.Encoding.Latin1.GetBytes(text);
}
