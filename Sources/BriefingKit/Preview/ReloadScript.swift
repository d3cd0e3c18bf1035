/// The script the preview adds to every HTML page it serves: it reloads the page when
/// the site was rebuilt and shows a failed build over the page until the next good one.
/// It is never part of `briefing build` output.
enum ReloadScript {
    static let path = "/__briefing/reload.js"
    static let eventsPath = "/__briefing/events"
    static let tag = "<script src=\"\(path)\" defer></script>"

    static let source = """
        (() => {
          "use strict";
          let overlay = null;
          function hide() { if (overlay) { overlay.remove(); overlay = null; } }
          function show(message) {
            hide();
            overlay = document.createElement("div");
            overlay.setAttribute("role", "alert");
            overlay.id = "briefing-build-error";
            overlay.style.cssText = "position:fixed;inset:auto 1rem 1rem 1rem;max-height:60vh;overflow:auto;z-index:2147483647;" +
              "background:#2b0d0d;color:#ffe9e6;border:2px solid #ff7a66;border-radius:6px;padding:1rem 1.25rem;" +
              "font:14px/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;box-shadow:0 8px 30px rgba(0,0,0,.4)";
            const title = document.createElement("strong");
            title.textContent = "Build failed: the last good site is still shown";
            const body = document.createElement("pre");
            body.style.cssText = "white-space:pre-wrap;margin:.5rem 0 0";
            body.textContent = message;
            overlay.append(title, body);
            addRepairs(message);
            document.body.append(overlay);
          }
          // With serve --edit, quotes the essay's edits broke can be put right from here:
          // each line naming one that `briefing check --fix` can place gets Accept.
          function addRepairs(message) {
            const editor = document.querySelector("script[data-token]");
            const fixable = message.split("\\n").map((line) => line.match(/quote of ((?:fact|event|cross-reference) '[^']+') not found.*run briefing check --fix/))
              .filter(Boolean).map((match) => match[1]);
            if (!editor || fixable.length === 0) return;
            const status = document.createElement("p");
            status.setAttribute("aria-live", "polite");
            const repair = (only) => fetch("/__briefing/edit/repair", {
              method: "POST", headers: { "Content-Type": "application/json", "X-Briefing-Token": editor.dataset.token },
              body: JSON.stringify(only ? { only } : {}),
            }).then((reply) => reply.json()).then((answer) => {
              status.textContent = answer.error || `Fixed ${answer.changed.length}; the site rebuilds.` + (answer.left.length ? ` Left: ${answer.left.join("; ")}` : "");
            });
            const list = document.createElement("ul");
            for (const owner of fixable) {
              const item = document.createElement("li"), button = document.createElement("button");
              button.type = "button";
              button.textContent = `Accept the new words for ${owner}`;
              button.addEventListener("click", () => repair(owner));
              item.append(button);
              list.append(item);
            }
            const all = document.createElement("button");
            all.type = "button";
            all.textContent = "Accept all confident";
            all.addEventListener("click", () => repair(null));
            overlay.append(list, all, status);
          }
          const events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("build-error", (event) => show(event.data));
        })();

        """
}
