using AssetTrace.Watch.Leads;

namespace AssetTrace.UnitTests.Watch;

/// <summary>The text of a lead notice (#15): every lead named with its link, nothing beyond what the design allows.</summary>
public sealed class LeadDigestMailTests
{
    private static readonly DateTimeOffset Started = new(2026, 12, 1, 6, 0, 0, TimeSpan.Zero);

    [Fact]
    public void One_message_names_every_lead_by_its_matched_words_and_links_to_it_on_the_leads_page()
    {
        var mail = LeadDigestMail.Compose("notice/lead-digest/r/c/u", "analyst@office.example", "2026-ARC-0017", "Assets abroad", "News of the day", Started,
            [new DigestLead("lead-1", "Serik Achmetov", 0.93), new DigestLead("lead 2", "Kairat Zhumabayev", 0.88)], new Uri("https://assettrace.office.example/console-root/"));

        Assert.Equal(("notice/lead-digest/r/c/u", "analyst@office.example"), (mail.RequestId, Assert.Single(mail.To)));
        Assert.Empty(mail.Cc);
        Assert.Empty(mail.Attachments);
        Assert.Null(mail.HtmlBody);
        Assert.Equal("AssetTrace: 2 new lead(s) on case 2026-ARC-0017", mail.Subject);
        Assert.Contains("1. «Serik Achmetov» (score 0.93): https://assettrace.office.example/console-root/watch/leads#lead-lead-1", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2. «Kairat Zhumabayev» (score 0.88): https://assettrace.office.example/console-root/watch/leads#lead-lead%202", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("2026-12-01 06:00 UTC", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("«Assets abroad»", mail.TextBody, StringComparison.Ordinal);
    }
}
