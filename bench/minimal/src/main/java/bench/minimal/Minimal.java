package bench.minimal;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.runtime.Micronaut;

/** The minimal Micronaut HTTP application: {@code GET /} answers "ok". Port: {@code MICRONAUT_SERVER_PORT}. */
@Controller
public class Minimal {

    public static void main(String[] args) {
        Micronaut.run(Minimal.class, args);
    }

    @Get
    @Produces(MediaType.TEXT_PLAIN)
    public String ok() {
        return "ok";
    }
}
