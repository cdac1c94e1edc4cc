package de.digitalcheck.portal.accounts.dev;

import de.digitalcheck.portal.accounts.DemoUsers;

/** The login page of the local sign-in provider: one button per demo user, posting user name and claims. */
final class DemoLoginPage {

    private DemoLoginPage() {
    }

    static String html() {
        StringBuilder forms = new StringBuilder();
        for (DemoUsers.DemoUser user : DemoUsers.ALL) {
            String claims = "{\"email\":\"" + user.email() + "\",\"email_verified\":true,\"name\":\"" + user.name() + "\"}";
            forms.append("<form method=\"post\">")
                .append("<input type=\"hidden\" name=\"username\" value=\"").append(user.username()).append("\">")
                .append("<input type=\"hidden\" name=\"claims\" value='").append(claims).append("'>")
                .append("<button type=\"submit\">").append(user.name()).append(" – ").append(user.role())
                .append(" (").append(user.username()).append(")</button></form>\n");
        }
        return """
            <!DOCTYPE html>
            <html lang="de"><head><meta charset="utf-8"><title>Lokale Anmeldung (nur Entwicklung)</title>
            <style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto}button{display:block;width:100%%;\
            margin:.5rem 0;padding:.75rem;font-size:1rem;text-align:left}</style></head>
            <body><h1>Lokale Anmeldung</h1>
            <p>Dieser Anmeldedienst läuft nur in der lokalen Entwicklungsumgebung. Wählen Sie einen Demo-Nutzer:</p>
            %s
            </body></html>
            """.formatted(forms);
    }
}
