export default function Home() {
  return <main>Petition Atlas</main>;
}
