// Sign-in: the anti-forgery token first, then name and password; the server sets the session cookie.
"use strict";

Marsad.ready.then(() => {
  document.getElementById("signin").addEventListener("submit", async e => {
    e.preventDefault();
    const form = new FormData(e.target);
    const response = await Marsad.api("/api/account/signin", { method: "POST", body: JSON.stringify({ name: form.get("name"), password: form.get("password") }) });
    if (response.ok) {
      const me = await response.json();
      location.href = ["coder", "editor", "admin"].includes(me.role) ? "/review.html" : "/";
      return;
    }
    // 405: a read-only server (serve --read-only) refuses every write, sign-in included.
    const reason = response.status === 429 ? "tooMany" : response.status === 405 ? "readOnlyServer" : "signinFailed";
    document.getElementById("signin-error").textContent = Marsad.t(reason);
  });
});
