package io.jvcstreaming.simulator.model;

import java.util.List;
import java.util.SplittableRandom;

/** Word banks for 18-25 style French posts. Accents, apostrophes and HTML-special characters on purpose. */
final class Phrases {

  private Phrases() {
  }

  /** One draw: the generators' output depends on the exact sequence of draws, so every pick goes through here. */
  static <T> T pick(SplittableRandom r, List<T> items) {
    return items.get(r.nextInt(items.size()));
  }

  static final List<String> TITLE_TEMPLATES = List.of(
      "Le café du matin %s", "Ayaa les khey vous faites quoi ce soir ?", "[ALERTE] Le prix du kebab a encore augmenté",
      "Ma meuf me demande de choisir entre elle et ma PS5", "Qui pour un LoL ce soir ?",
      "[SONDAGE] Team pain au chocolat ou chocolatine ?", "J'ai 22 ans et je vis encore chez mes parents, c'est grave ?",
      "Le \"métier passion\" c'est une arnaque", "Tom & Jerry > tous les dessins animés actuels",
      "Vos pires entretiens d'embauche ?", "Mon proprio veut augmenter le loyer de 150€", "Ce sentiment quand %s",
      "[OFFICIEL] Le topic des insomniaques", "Les études de médecine c'est l'enfer", "Je viens d'avoir mon permis 🚗",
      "Votre salaire à %d ans ?", "Le <br> dans mon CV a tout cassé", "Pourquoi les meufs répondent \"mdr\" ?",
      "Premier appart à %s : des conseils ?", "Alerte : il neige à %s ❄️", "Vous mangez quoi ce midi ?",
      "Ma daronne a trouvé mon historique", "Le topic de la muscu 💪", "J'ai raté mon partiel de maths",
      "Qui a vu le dernier épisode ?", "Les soldes c'est de l'arnaque", "Go se motiver pour la salle à 6h",
      "Ce khey qui code en Java à 3h du mat'", "Le TGV a encore %d minutes de retard", "Quel forfait mobile à moins de 10€ ?",
      "Elle m'a ghost après 3 dates", "Je quitte Paris pour la campagne", "Les Parisiens sont-ils vraiment <si> méchants ?",
      "Mon chat a fait tomber mon écran 😭", "Les crêpes : sucré ou salé ?", "On se fait un FIFA ?",
      "Recrutement pour notre serveur Minecraft", "Besoin d'aide pour ma lettre de motivation", "Ça vous arrive de parler tout seul ?",
      "Le bac en %d vs maintenant", "J'ai gagné 50€ au loto 🍀", "La coloc' c'est vraiment l'enfer",
      "Vos avis sur l'alternance ?", "[AIDE] Mon PC ne démarre plus", "Les \"influenceurs\" & leurs placements de produits",
      "Je me suis fait recaler en soirée", "Topic des gens qui bossent le dimanche", "Pourquoi le Nutella coûte si cher ?");

  static final List<String> TITLE_FILLERS = List.of("☕", "(édition lundi)", "🥐", "au boulot", "", "le retour",
      "qu'on a 25 ans", "on voit son ex", "le réveil sonne", "Lyon", "Marseille", "Rennes", "Lille", "Besançon");

  static final List<String> PSEUDO_STEMS = List.of("PetitNuage", "Grenouille", "Khey", "Risitas", "Bouclette", "Zoulou",
      "Chocolatine", "Kebabier", "Fromage", "Baguette", "Cactus", "Pigeon", "Moustache", "Licorne", "Panda", "Tortue",
      "Hérisson", "Éléonore", "Gérard", "Zoé", "Ragnar", "Nokia", "Sushi", "Raclette", "Cassoulet", "Flamby",
      "Mistral", "Goéland", "Castor", "Tartiflette", "Bigorneau", "Chaussette");

  static final List<String> SENTENCES = List.of(
      "Ayaa les khey, vous êtes réveillés ?", "C'est clairement abusé.", "Perso je suis d'accord avec toi.",
      "T'es sérieux là ?", "Bordel, j'ai encore raté mon bus ce matin.", "Le patron m'a dit \"on verra demain\".",
      "Franchement ça dépend du contexte.", "Je suis mort de rire.", "Aucun rapport avec le topic mais bon.",
      "J'ai payé 12€ pour un kebab, c'est la fin.", "Ma coloc' a encore laissé la vaisselle & le linge.",
      "Il a dit que 3 < 5, quel génie.", "C'est l'été et il fait 14 degrés à Brest.",
      "Je préfère rester chez moi à jouer à Zelda.", "On est d'accord que c'est une arnaque ?",
      "Ça me rappelle mes années lycée.", "J'ai rendez-vous chez le médecin à 9h.", "Quelqu'un a des nouvelles de l'OP ?",
      "Les bons vivants, où êtes-vous ?", "Tu parles d'un mec qui a 25 ans et qui vit chez sa mère.",
      "Je me suis couché à 4h pour finir mon mémoire.", "La vie est dure quand on est étudiant.",
      "Elle a répondu \"ok\" et puis plus rien.", "J'ai déjà vu ce topic la semaine dernière.",
      "C'est pas faux.", "Go manger une raclette ce soir.", "Prends-toi en main khey.", "Oui mais non.",
      "L'école m'a appris à calculer un pH mais pas à remplir mes impôts.", "Ce topic a tellement de potentiel.",
      "Mon cœur a fait boum en voyant l'addition.", "On s'en fiche un peu, non ?", "Personne ne lit les CGU.",
      "Je valide à 100%.", "Ça part en cacahuète.", "Faut arrêter de croire aux horoscopes.",
      "Le mec a mis 3 heures à répondre.", "Bon appétit les khey.", "Il pleut à Rennes, quelle surprise.",
      "Ma grand-mère cuisine mieux que n'importe quel chef étoilé.", "Je dis ça je dis rien.",
      "Ça y est, j'ai trouvé un CDI !", "Allez, au dodo.", "Qui est chaud pour un apéro ?");

  /** French typography: a no-break space before the high punctuation. */
  static final List<String> NBSP_SENTENCES = List.of("Moi\u00A0! Ça me va très bien.", "Sérieux\u00A0? Je savais pas.",
      "Le verdict\u00A0: c'est non.", "Allez\u00A0; on y va.");

  static final List<String> EMOJI = List.of("😂", "🤣", "💀", "🔥", "🙏", "🥲", "😭", "👀", "🤡", "☕", "❤️", "🍕", "🥶");

  /** code, image number of the smileys_img gif. */
  static final List<String[]> SMILEYS = List.of(new String[] {":hap:", "18"}, new String[] {":noel:", "11"},
      new String[] {":rire:", "39"}, new String[] {":ok:", "36"}, new String[] {":ouch:", "22"},
      new String[] {":question:", "2"}, new String[] {":fou:", "50"}, new String[] {":sournois:", "67"},
      new String[] {":honte:", "30"}, new String[] {":cool:", "26"});

  static final List<String> STICKER_CODES = List.of("1kki", "1kkn", "1lmh", "1mqv", "zuc", "1ljl", "1kl4", "1lmn", "1jnc");

  static final List<String> IMAGE_NAMES = List.of("chat-content", "risitas-rire", "jesus-sourire", "ahi", "issou",
      "capture-ecran", "mon-setup", "kebab", "chien-triste", "meme-2026");

  static final List<String> EXTERNAL_URLS = List.of("https://www.youtube.com/watch?v=dQw4w9WgXcQ",
      "https://fr.wikipedia.org/wiki/Tartiflette", "https://www.lemonde.fr/societe/article/2026/07/22/le-prix-des-loyers-etudiants-continue-de-grimper-a-paris-et-en-region_6123456_3224.html",
      "https://www.leboncoin.fr/ad/consoles/2876543210?utm_source=partage&utm_medium=app&utm_campaign=ete",
      "https://twitter.com/user/status/1818181818181818181", "https://example.org/a?b=1&c=<2>");

  static final List<String> CODE_SNIPPETS = List.of("System.out.println(\"Hello khey\");",
      "for (int i = 0; i < 10; i++) {\n  kebab++;\n}", "SELECT * FROM khey WHERE age < 25;", "git push --force",
      "if (a && b) return \"ok\";");

  static final List<String> LOCK_REASONS = List.of("Hors-sujet", "Flood", "Topic doublon", "Contenu inapproprié");

  static final List<String> SIGNATURES = List.of("Le savoir est une arme.", "Ici depuis 2012 ☕",
      "« La vie, c'est comme une bicyclette »", "Team chocolatine 🥐");
}
