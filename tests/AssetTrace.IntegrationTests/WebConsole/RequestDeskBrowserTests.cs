using AssetTrace.Accounts;
using AssetTrace.Common;
using AssetTrace.IntegrationTests.Mail;
using AssetTrace.Mail;
using AssetTrace.Mail.Receiving;
using AssetTrace.Requests;
using AssetTrace.Requests.Directory;
using AssetTrace.Requests.Lifecycle;
using Microsoft.Extensions.DependencyInjection;
using AssetTrace.Visibility;
using AssetTrace.WebConsole.Components.Pages.Requests;
using Microsoft.Playwright;

namespace AssetTrace.IntegrationTests.WebConsole;

/// <summary>
/// The communication officer's desk in the console, in Debian's Chromium against the real server,
/// Postfix and Dovecot (#13): an officer composes a request on the demo case and sees its letters
/// and the checklist's gaps before saving; a second user, a supervisor, approves it from the queue;
/// the officer sends it and it arrives in the partner's mailbox; a reply that matched no request is
/// assigned from the holding pen. An officer who is not on the case sees none of it anywhere.
/// Screenshots are kept in artifacts/console/.
/// </summary>
public sealed class RequestDeskBrowserTests(RequestDeskFixture fixture) : IClassFixture<RequestDeskFixture>
{
    private const string PartnerContact = "desk-test-partner";

    [Fact]
    public async Task An_officer_composes_a_request_a_supervisor_approves_it_it_reaches_the_partner_and_a_stray_reply_is_assigned_to_it()
    {
        await fixture.CreateUserAsync("officer1", "OFFICER");
        await fixture.CreateUserAsync("supervisor1", "SUPERVISOR");
        await fixture.Server.DataAsync("""
            mutation { updateCase(input: { id: "demo-case", reason: "desk staffing", team: ["admin", "officer1"], supervisors: ["supervisor1"] }) { team } }
            """);
        await SavePartnerContactAsync();

        // The officer composes: the letter and the checklist follow the form before anything is saved.
        var officer = await fixture.SignInAsync("officer1");
        var page = officer.Page;
        await page.ClickAsync("nav.sections a[href='/requests']");
        await page.ClickAsync("nav.desk-nav a[href='/requests/new']");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("New request");
        await officer.InteractiveAsync();
        await Assertions.Expect(page.Locator("#composer-case option[value=demo-case]")).ToHaveCountAsync(1);
        await page.SelectOptionAsync("#composer-case", "demo-case");
        await page.SelectOptionAsync("#composer-network", "CARIN");
        await page.SelectOptionAsync("#composer-jurisdiction", "GB");
        await page.SelectOptionAsync("#composer-contact", PartnerContact);
        // A typo in the surname: only the name matcher finds it, as the API's search does (#14).
        await page.FillAsync("#composer-subject-search", "Serik Akhmetvo");
        await page.ClickAsync("#composer-subject-find");
        await page.ClickAsync(".subject-results li[data-node=demo-serik-akhmetov] button.add");

        var english = page.Locator("article.letter[data-language=en]");
        await Assertions.Expect(english).ToContainTextAsync("Request for information through CARIN");
        await Assertions.Expect(english).ToContainTextAsync("Серік Ахметов (Serik Akhmetov)");
        await Assertions.Expect(english).ToContainTextAsync("UK ARO desk test mailbox");
        var gaps = page.Locator(".checklist ul.gaps");
        await Assertions.Expect(gaps.Locator("li[data-item=legal_basis]")).ToContainTextAsync("no legal basis is given");
        await Assertions.Expect(gaps.Locator("li[data-item=questions]")).ToContainTextAsync("no question is asked");
        await officer.ScreenshotAsync("desk-01-composer-gaps");

        await page.CheckAsync(".languages input[value=ru]");
        await Assertions.Expect(page.Locator("article.letter[data-language=ru]")).ToContainTextAsync("Запрос информации по каналу CARIN");
        await page.CheckAsync(".questions input[value=real_estate]");
        await Assertions.Expect(gaps.Locator("li[data-item=questions]")).ToHaveCountAsync(0);
        await page.FillAsync("#composer-legal-basis", "CARIN informal cooperation");
        await page.Locator("#composer-legal-basis").BlurAsync();
        await Assertions.Expect(page.Locator(".checklist-complete")).ToBeVisibleAsync();
        await Assertions.Expect(english).ToContainTextAsync("CARIN informal cooperation");
        await officer.ScreenshotAsync("desk-02-composer-complete");
        await page.ClickAsync("#composer-save");

        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Draft");
        var requestPath = new Uri(page.Url).AbsolutePath;
        var id = requestPath["/requests/".Length..];
        var number = (await fixture.Server.Services.GetRequiredService<RequestStore>().GetAsync(id, default))!.Number;
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Request {number}");
        // Officers do not approve, least of all their own request.
        await Assertions.Expect(page.Locator("#action-approve")).ToHaveCountAsync(0);
        // The draft is edited: it opens with what was saved, and the change is a version of its own.
        await page.ClickAsync("#action-edit");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync($"Edit draft {number}");
        await officer.InteractiveAsync();
        await Assertions.Expect(page.Locator("#composer-legal-basis")).ToHaveValueAsync("CARIN informal cooperation");
        await Assertions.Expect(page.Locator("article.letter[data-language=ru]")).ToContainTextAsync(number);
        await page.SelectOptionAsync("#composer-urgency", "Urgent");
        await Assertions.Expect(english).ToContainTextAsync("Urgency: Urgent");
        await page.ClickAsync("#composer-save");
        await Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("edited");
        Assert.Equal(Urgency.Urgent, (await fixture.Server.Services.GetRequiredService<RequestStore>().GetAsync(id, default))!.Progress.Urgency);

        // The second pair of eyes: the case's supervisor approves it from the queue, and may not send it.
        var supervisor = await fixture.SignInAsync("supervisor1");
        await supervisor.Page.GotoAsync(fixture.Address("/requests/approvals").ToString());
        await supervisor.InteractiveAsync();
        var row = supervisor.Page.Locator($"table.approvals tr[data-request='{id}']");
        await Assertions.Expect(row).ToContainTextAsync("officer1");
        await supervisor.ScreenshotAsync("desk-03-approvals");
        await row.Locator("button.approve").ClickAsync();
        await Assertions.Expect(supervisor.Page.Locator("p.done")).ToContainTextAsync($"Request {number} approved");
        await supervisor.Page.GotoAsync(fixture.Address(requestPath).ToString());
        await Assertions.Expect(supervisor.Page.Locator("#request-status")).ToHaveTextAsync("Approved");
        await Assertions.Expect(supervisor.Page.Locator("#action-withdraw")).ToBeVisibleAsync();
        await Assertions.Expect(supervisor.Page.Locator("#action-send")).ToHaveCountAsync(0);
        await supervisor.AssertCleanAsync();
        await supervisor.CloseAsync();

        // The officer sends it: the outbox delivers it to the partner's mailbox with the letters as PDFs.
        await page.ReloadAsync();
        await officer.InteractiveAsync();
        await page.ClickAsync("#action-send");
        await Assertions.Expect(page.Locator("p.done")).ToContainTextAsync($"Request {number} is queued for sending");
        var messageId = (await fixture.Server.Services.GetRequiredService<MailOutbox>().ForRequestAsync(id, default)).Single().MessageId;
        var arrived = await Mailboxes.WaitForAsync(MailTestServers.Partner, messageId);
        Assert.Contains(number, arrived.Subject, StringComparison.Ordinal);
        Assert.Equal([$"{number}-en.pdf", $"{number}-ru.pdf"], arrived.Attachments.Select(a => ((MimeKit.MimePart)a).FileName).Order());
        await WaitForStatusAsync(id, RequestStatus.Sent);
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Sent");
        await Assertions.Expect(page.Locator($"ol.thread li.sent[data-message='{messageId}']")).ToContainTextAsync(MailTestServers.Partner);
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync($"a[href='/console/requests/{id}/letters/en.pdf']"));
        var pdf = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF"u8.ToArray(), pdf[..4]);
        Assert.Equal($"{number}-en.pdf", download.SuggestedFilename);
        await officer.ScreenshotAsync("desk-04-sent");

        // Past its due date the scheduler marks it overdue (as RequestDeadlineJob does): the desk shows it so.
        await fixture.Server.Services.GetRequiredService<RequestStore>().NoteAsync(id, "scheduler", "overdue", "no answer by the due date",
            r => r with { Progress = r.Progress with { Overdue = true } }, default);
        await page.GotoAsync(fixture.Address("/requests/figures").ToString());
        await Assertions.Expect(page.Locator($"table.requests tr.overdue[data-request='{id}']")).ToContainTextAsync(number);
        await page.GotoAsync(fixture.Address("/requests?status=sent&network=CARIN").ToString());
        await Assertions.Expect(page.Locator($"table.requests tr.overdue[data-request='{id}'] .badge.overdue")).ToHaveTextAsync("Overdue");
        await page.GotoAsync(fixture.Address("/requests?network=EGMONT").ToString());
        await Assertions.Expect(page.Locator("p.count")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"table.requests tr[data-request='{id}']")).ToHaveCountAsync(0);

        // A reply with no reference waits in the holding pen; the officer assigns it to the request.
        var subject = await SendStrayMailAsync();
        await page.GotoAsync(fixture.Address("/requests/holding-pen").ToString());
        await officer.InteractiveAsync();
        var held = page.Locator("ol.held li", new() { HasText = subject });
        await held.Locator("select.assign-choice").SelectOptionAsync(id);
        await officer.ScreenshotAsync("desk-05-holding-pen");
        await held.Locator("button.assign").ClickAsync();
        await Assertions.Expect(page.Locator("p.done")).ToContainTextAsync($"assigned to request {number}");
        await Assertions.Expect(page.Locator("ol.held li", new() { HasText = subject })).ToHaveCountAsync(0);
        await page.GotoAsync(fixture.Address(requestPath).ToString());
        await Assertions.Expect(page.Locator("ol.thread li.received", new() { HasText = subject })).ToContainTextAsync("assigned by officer1");
        await Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("reply_assigned");

        // The answer is recorded in full with a note, then the request closed: each a step of its timeline.
        await officer.InteractiveAsync();
        await page.FillAsync("#action-note", "Land Registry extract received");
        await page.ClickAsync("#action-answer-fully");
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Answered");
        await Assertions.Expect(page.Locator("table.history")).ToContainTextAsync("Land Registry extract received");
        await Assertions.Expect(page.Locator("#action-withdraw")).ToHaveCountAsync(0);
        await page.ClickAsync("#action-close");
        await Assertions.Expect(page.Locator("#request-status")).ToHaveTextAsync("Closed");
        await Assertions.Expect(page.Locator("section.request-actions")).ToHaveCountAsync(0);

        // The figures count its answer on CARIN, drawn as a bar and in the table.
        await page.GotoAsync(fixture.Address("/requests/figures").ToString());
        await Assertions.Expect(page.Locator("table.figures tr[data-network=CARIN] td").First).ToHaveTextAsync("1");
        await Assertions.Expect(page.Locator("svg.bar-chart g.bar[data-network=CARIN] rect")).Not.ToHaveAttributeAsync("width", "0");
        await officer.ScreenshotAsync("desk-06-figures");
        await officer.AssertCleanAsync();
        await officer.CloseAsync();
    }

    [Fact]
    public async Task An_officer_who_is_not_on_the_case_sees_none_of_its_requests_in_the_list_queue_holding_pen_or_by_address()
    {
        await fixture.CreateUserAsync("stranger", "OFFICER", "SUPERVISOR");
        await SavePartnerContactAsync();
        var desk = fixture.Server.Services.GetRequiredService<RequestDesk>();
        var draft = await desk.DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", PartnerContact, Urgency.Normal, new RequestBody(
            ["demo-serik-akhmetov"], ["real_estate"], null, "CARIN informal cooperation", "", null, "Confidential", null, ["en"],
            new Dictionary<string, string>())), Viewer.System("officer-on-case"), default);
        // The stray mail carries markup: the holding pen shows it as text and runs none of it.
        const string markup = "<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>";
        var subject = await SendStrayMailAsync(markup);

        var watch = await fixture.SignInAsync("stranger");
        var page = watch.Page;
        var seen = new List<string>();
        async Task ReadAsync(string path, string ready, bool scan = true)
        {
            await page.GotoAsync(fixture.Address(path).ToString());
            await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync();
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            if (scan)
            {
                seen.Add(await page.Locator("main").InnerHTMLAsync());
            }
        }

        await ReadAsync("/requests", "p.count");
        await Assertions.Expect(page.Locator("p.count")).ToHaveTextAsync("0 requests");
        await ReadAsync("/requests/approvals", "p.count");
        await Assertions.Expect(page.Locator("p.count")).ToHaveTextAsync("No draft is waiting for approval.");
        // Held mail matched no request, so every desk reader sees it to sort it (as the API's holdingPen does), including
        // what the partner wrote (the shared test mailbox holds other tests' replies that quote their request numbers):
        // the page is not scanned, but none of the case's requests is offered as a choice for any held mail.
        await ReadAsync("/requests/holding-pen", "ol.held", scan: false);
        var held = page.Locator("ol.held li", new() { HasText = subject });
        await Assertions.Expect(held.Locator("select.assign-choice option")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("select.assign-choice option:not([value=''])")).ToHaveCountAsync(0);
        await Assertions.Expect(held.Locator("pre.mail-text")).ToContainTextAsync(markup);
        Assert.Null(await page.EvaluateAsync<int?>("window.__pwned ?? null"));
        await ReadAsync("/requests/new", "#composer-case");
        await Assertions.Expect(page.Locator("#composer-case option[value=demo-case]")).ToHaveCountAsync(0);
        await ReadAsync("/requests/figures", "p.count");
        await Assertions.Expect(page.Locator("p.count")).ToHaveTextAsync("Open / overdue: 0 / 0");
        await ReadAsync($"/requests/{draft.Id}", "[role=alert]");
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync($"Not found: request «{draft.Id}»");
        await watch.ScreenshotAsync("desk-07-stranger");

        var letter = await page.APIRequest.GetAsync(fixture.Address($"/console/requests/{draft.Id}/letters/en.pdf").ToString());
        Assert.Equal(404, letter.Status);
        // Without a session the letter is not served: the console sends the browser to sign in.
        using (var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.Server.Client.BaseAddress })
        {
            var response = await anonymous.GetAsync($"/console/requests/{draft.Id}/letters/en.pdf");
            Assert.NotEqual("application/pdf", response.Content.Headers.ContentType?.MediaType);
            Assert.StartsWith("/signin", response.Headers.Location?.OriginalString ?? $"(HTTP {(int)response.StatusCode})", StringComparison.Ordinal);
        }
        foreach (var secret in new[] { draft.Number, "2026-ARC-0017", "Серік Ахметов", "demo-case\"" })
        {
            Assert.All(seen, html => Assert.DoesNotContain(secret, html, StringComparison.Ordinal));
        }
        await watch.AssertCleanAsync();
        await watch.CloseAsync();
    }

    [Fact]
    public async Task An_analyst_on_the_case_is_not_offered_the_desk_and_is_refused_it_by_address_in_either_language()
    {
        await fixture.CreateUserAsync("analyst-on-case", "ANALYST");
        // Joins the team as it stands (the other tests of the class staff it too).
        var team = (await fixture.Server.DataAsync("""{ case(id: "demo-case") { team } }"""))["case"]!["team"]!.AsArray().Select(n => n!.GetValue<string>());
        await fixture.Server.DataAsync("mutation($team: [String!]) { updateCase(input: { id: \"demo-case\", reason: \"analyst joins\", team: $team }) { team } }",
            new { team = team.Append("analyst-on-case").Distinct().ToArray() });
        await SavePartnerContactAsync();
        var draft = await fixture.Server.Services.GetRequiredService<RequestDesk>().DraftAsync(new RequestDraftInput("demo-case", "CARIN", "GB", PartnerContact,
            Urgency.Normal, new RequestBody(["demo-serik-akhmetov"], ["real_estate"], null, "CARIN informal cooperation", "", null, "Confidential", null, ["en"],
            new Dictionary<string, string>())), Viewer.System("officer-on-case"), default);

        var watch = await fixture.SignInAsync("analyst-on-case");
        var page = watch.Page;
        await Assertions.Expect(page.Locator("nav.sections a[href='/']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("nav.sections a[href='/requests']")).ToHaveCountAsync(0);
        foreach (var path in new[] { "/requests", "/requests/new", "/requests/approvals", $"/requests/{draft.Id}" })
        {
            await page.GotoAsync(fixture.Address(path).ToString());
            await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("Your role does not allow this");
            await Assertions.Expect(page.Locator("main")).Not.ToContainTextAsync(draft.Number);
        }
        var letter = await page.APIRequest.GetAsync(fixture.Address($"/console/requests/{draft.Id}/letters/en.pdf").ToString());
        Assert.Equal(403, letter.Status);

        // In Russian the refusal says the same.
        await page.GotoAsync(fixture.Address("/console/language?to=ru&back=%2Frequests%2Fholding-pen").ToString());
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Неразобранная почта");
        await Assertions.Expect(page.Locator("[role=alert]")).ToContainTextAsync("officer or supervisor");
        await watch.ScreenshotAsync("desk-08-analyst-ru");
        await watch.AssertCleanAsync();
        await watch.CloseAsync();
    }

    [Fact]
    public async Task The_console_refuses_a_desk_action_a_role_may_not_do_even_without_its_button_and_four_eyes_hold()
    {
        var services = fixture.Server.Services;
        var desk = services.GetRequiredService<RequestDesk>();
        var actions = new RequestActions(desk, services.GetRequiredService<HoldingPen>());
        var input = new RequestDraftInput("demo-case", "CARIN", "GB", null, Urgency.Normal, new RequestBody(
            ["demo-serik-akhmetov"], ["real_estate"], null, "CARIN informal cooperation", "", null, "Confidential", null, ["en"], new Dictionary<string, string>()));
        var author = Viewer.User("author-both-roles", [Role.Officer, Role.Supervisor], ["demo-case"]);
        var draft = await actions.DraftAsync(input, author, default);

        // A supervisor alone does not draft, send or assign mail; an analyst does not even read the desk.
        var supervisor = Viewer.User("supervisor-only", [Role.Supervisor], ["demo-case"]);
        await Assert.ThrowsAsync<ForbiddenException>(() => actions.DraftAsync(input, supervisor, default));
        await Assert.ThrowsAsync<ForbiddenException>(() => actions.SendAsync(draft.Id, supervisor, default));
        await Assert.ThrowsAsync<ForbiddenException>(() => actions.AssignMailAsync(1, draft.Id, supervisor, default));
        var analyst = Viewer.User("analyst-on-case", [Role.Analyst], ["demo-case"]);
        Assert.Throws<ForbiddenException>(() => DeskRoles.Require(analyst, DeskAction.Read));
        Assert.Empty(DeskRoles.Offered(draft, analyst, [draft.Stamp.CreatedBy]));
        Assert.Equal([DeskAction.Approve, DeskAction.Withdraw], DeskRoles.Offered(draft, supervisor, [draft.Stamp.CreatedBy]));

        // Four eyes: the author holds the supervisor role too, is not offered approval, and the desk refuses it anyway.
        Assert.Equal([DeskAction.Edit, DeskAction.Withdraw], DeskRoles.Offered(draft, author, [draft.Stamp.CreatedBy]));
        var refused = await Assert.ThrowsAsync<ForbiddenException>(() => actions.ApproveAsync(draft.Id, draft.Stamp.Version, author, default));
        Assert.Contains("cannot approve it too", refused.Message, StringComparison.Ordinal);

        // An officer who is not on the case finds no such request, and cannot preview a letter of the case.
        var stranger = Viewer.User("officer-elsewhere", [Role.Officer], []);
        await Assert.ThrowsAsync<NotFoundException>(() => actions.WithdrawAsync(draft.Id, "not mine", stranger, default));
        var assign = await Assert.ThrowsAsync<UserInputException>(() => actions.AssignMailAsync(1, draft.Id, stranger, default));
        Assert.Contains(assign.Errors, e => e.Field == "requestId");
        var preview = await Assert.ThrowsAsync<UserInputException>(() => desk.PreviewAsync(input, "REQ-X", stranger, default));
        Assert.Contains(preview.Errors, e => e.Field == "input.caseId");
        Assert.Equal(RequestStatus.Draft, (await services.GetRequiredService<RequestStore>().GetAsync(draft.Id, default))!.Progress.Status);

        // A supervisor may withdraw it, with a reason.
        await Assert.ThrowsAsync<UserInputException>(() => actions.WithdrawAsync(draft.Id, " ", supervisor, default));
        Assert.Equal(RequestStatus.Withdrawn, (await actions.WithdrawAsync(draft.Id, "duplicate of another request", supervisor, default)).Progress.Status);
    }

    /// <summary>The partner's Dovecot mailbox as CARIN's contact point in GB, added once for the class (both tests use it).</summary>
    private async Task SavePartnerContactAsync()
    {
        if (await fixture.Server.Services.GetRequiredService<NetworkDirectory>().ContactPointAsync(PartnerContact, default) is not null)
        {
            return;
        }
        await fixture.Server.DataAsync($$"""
            mutation { saveContactPoint(input: { id: "{{PartnerContact}}", network: "CARIN", jurisdiction: "GB", name: "UK ARO desk test mailbox",
              email: "{{MailTestServers.Partner}}", languages: ["en"], timeZone: "Europe/London", usualResponseDays: 6 }) { id } }
            """);
    }

    /// <summary>Mails the desk's mailbox without any reference, and reads it in through the receiver the IMAP poller uses.</summary>
    private async Task<string> SendStrayMailAsync(string body = "No reference, sorry.")
    {
        var subject = "Information on a yacht " + Guid.NewGuid().ToString("N")[..6];
        await Mailboxes.SendAsync(MailTestServers.Partner, Mailboxes.Message(MailTestServers.Partner, MailTestServers.Desk, subject, body));
        var receiver = fixture.Server.Services.GetRequiredService<MailReceiver>();
        var pen = fixture.Server.Services.GetRequiredService<HoldingPen>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!(await pen.HeldAsync(default)).Any(m => m.Mail.Subject == subject))
        {
            Assert.True(DateTime.UtcNow < deadline, $"'{subject}' did not reach the holding pen within 30 s.");
            await receiver.SyncAsync(default);
        }
        return subject;
    }

    /// <summary>The outbox worker marks the request sent once the SMTP server accepted it, on its own time.</summary>
    private async Task WaitForStatusAsync(string id, RequestStatus status)
    {
        var requests = fixture.Server.Services.GetRequiredService<RequestStore>();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await requests.GetAsync(id, default))!.Progress.Status != status)
        {
            Assert.True(DateTime.UtcNow < deadline, $"request {id} did not become {status} within 30 s.");
            await Task.Delay(200);
        }
    }
}
