import "next-auth";
import "next-auth/jwt";

type Role = "attendee" | "instructor";

declare module "next-auth" {
  interface User {
    role: Role;
    eventId?: string;
  }
  interface Session {
    user?: { id: string; name: string | null; role: Role; eventId?: string };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    role?: Role;
    eventId?: string;
  }
}
