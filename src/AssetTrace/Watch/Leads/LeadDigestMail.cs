using System.Globalization;
using System.Text;
using AssetTrace.Mail;

namespace AssetTrace.Watch.Leads;

/// <summary>One lead as a notice names it: its id, the words of the public page that matched, the matcher's score.</summary>
public sealed record DigestLead(string Id, string MatchedText, double Score);

/// <summary>
/// The text of a lead notice (#15): one message per run, case and analyst, naming each new lead by the words
/// of the public page that matched and linking to it in the console.
/// <para>
/// What it holds, and why that is safe: it goes only to analysts on the case's team, who see the case and its
/// leads. Even so it carries the least that is useful, because mail leaves the office's system: the case's number
/// and title, the source's title, and per lead the matched words (from a public page) and the score. It names no
/// graph node (a subject's name may come from an informal network's answer, which is intelligence), quotes no
/// snapshot and holds no restricted fact; the console shows the rest to whoever signs in and may see it.
/// </para>
/// </summary>
public static class LeadDigestMail
{
    public static OutgoingMail Compose(string key, string to, string caseNumber, string caseTitle, string sourceTitle, DateTimeOffset runStartedAt,
        IReadOnlyList<DigestLead> leads, Uri console)
    {
        var page = new Uri(console, "watch/leads");
        var at = runStartedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"The open-source watch raised {leads.Count} new lead(s) on case {caseNumber} «{caseTitle}» ")
            .Append(CultureInfo.InvariantCulture, $"in its run of the source «{sourceTitle}» started at {at}:\n\n");
        var n = 0;
        foreach (var lead in leads)
        {
            n++;
            text.Append(CultureInfo.InvariantCulture, $"{n}. «{lead.MatchedText}» (score {lead.Score:0.00}): {Link(page, lead.Id)}\n");
        }
        text.Append(CultureInfo.InvariantCulture, $"\nOpen the leads page to see the page each came from and to accept or dismiss them: {page}\n")
            .Append("\n---\n")
            .Append(CultureInfo.InvariantCulture, $"Наблюдение за открытыми источниками нашло новые зацепки ({leads.Count}) по делу {caseNumber} «{caseTitle}» ")
            .Append(CultureInfo.InvariantCulture, $"при обходе источника «{sourceTitle}» ({at}). Откройте страницу зацепок: {page}\n")
            .Append("\nYou receive this as an analyst of the case, at the address set in your account. It quotes no page and names no subject; the console shows the rest.\n")
            .Append("Вы получили это письмо как аналитик дела, по адресу из вашей учётной записи.\n");
        var subject = $"AssetTrace: {leads.Count} new lead(s) on case {caseNumber}";
        return new OutgoingMail(key, [to], [], subject, text.ToString(), null, []);
    }

    /// <summary>The lead on the leads page (its list item carries the id as its anchor).</summary>
    public static string Link(Uri page, string leadId) => $"{page}#lead-{Uri.EscapeDataString(leadId)}";
}
