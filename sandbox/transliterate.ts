/** Greek → Latin letters, used only when no Unicode font is installed and PDFs fall back to Helvetica. */
const LETTERS: Record<string, string> = {
  α: "a", β: "v", γ: "g", δ: "d", ε: "e", ζ: "z", η: "i", θ: "th", ι: "i", κ: "k", λ: "l", μ: "m", ν: "n",
  ξ: "x", ο: "o", π: "p", ρ: "r", σ: "s", ς: "s", τ: "t", υ: "y", φ: "f", χ: "ch", ψ: "ps", ω: "o",
  ά: "a", έ: "e", ή: "i", ί: "i", ό: "o", ύ: "y", ώ: "o", ϊ: "i", ϋ: "y", ΐ: "i", ΰ: "y",
};

export function transliterateGreek(text: string): string {
  let out = "";
  for (const char of text) {
    const lower = char.toLowerCase();
    const latin = LETTERS[lower];
    if (latin === undefined) out += /[\x20-\x7e€]/.test(char) ? char : "?";
    else out += char === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1);
  }
  return out;
}
