export function GET() {
  return new Response("pong", { headers: { "Cache-Control": "no-store" } });
}
