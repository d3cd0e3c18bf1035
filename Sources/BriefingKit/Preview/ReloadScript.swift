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
            document.body.append(overlay);
          }
          const events = new EventSource("\(eventsPath)");
          events.addEventListener("reload", () => location.reload());
          events.addEventListener("build-error", (event) => show(event.data));
        })();

        """
}
